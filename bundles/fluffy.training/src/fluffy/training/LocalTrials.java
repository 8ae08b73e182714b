package fluffy.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.models.ModelType;
import fluffy.runtime.session.SessionException;
import fluffy.training.data.Folds;

/**
 * Runs a round's trials one after the other in this process, each fold in turn. A trial whose first fold
 * scores far below the best trial so far is stopped early: on one machine the time is better spent on the
 * next proposal.
 */
public final class LocalTrials implements TrialExecutor {

    private static final double EARLY_STOP_MARGIN = 0.25;

    private final ModelType type;
    private final HyperparameterSearch.SampleSource samples;

    public LocalTrials(ModelType type, HyperparameterSearch.SampleSource samples) {
        this.type = type;
        this.samples = samples;
    }

    @Override
    public List<HyperparameterSearch.TrialResult> run(Round round, IProgressMonitor monitor,
            HyperparameterSearch.Listener listener) throws SessionException {
        SubMonitor progress = SubMonitor.convert(monitor, round.proposals().size() * round.folds().size());
        double best = round.bestSoFar();
        List<HyperparameterSearch.TrialResult> results = new ArrayList<>();
        for (Proposal p : round.proposals()) {
            List<HyperparameterSearch.FoldScore> scores = new ArrayList<>();
            boolean stopped = false;
            for (Folds.Fold fold : round.folds()) {
                if (progress.isCanceled()) {
                    throw cancelled(listener, p, scores);
                }
                FoldTask task = FoldTask.of(p, fold);
                Optional<FoldTask.Result> r;
                try {
                    r = task.run(type, samples, progress.split(1));
                } catch (OperationCanceledException e) {
                    throw cancelled(listener, p, scores); // SubMonitor.split checks for cancellation too
                }
                if (r.isEmpty()) {
                    // A fold stopped inside its epochs has no score: the trial is cancelled, not scored.
                    throw cancelled(listener, p, scores);
                }
                HyperparameterSearch.FoldScore score = new HyperparameterSearch.FoldScore(p.trial(), task.fold(),
                        p.point(), r.get().f1(), r.get().dice(), r.get().valLoss(), r.get().seconds());
                scores.add(score);
                listener.foldFinished(score);
                if (fold.index() == 0 && round.folds().size() > 1 && r.get().f1() < best - EARLY_STOP_MARGIN) {
                    stopped = true;
                    progress.worked(round.folds().size() - 1);
                    break;
                }
            }
            HyperparameterSearch.TrialResult result = HyperparameterSearch.TrialResult.of(p, scores, stopped, null);
            if (!stopped && result.score() > best) {
                best = result.score();
            }
            listener.trialFinished(result);
            results.add(result);
        }
        return results;
    }

    private static OperationCanceledException cancelled(HyperparameterSearch.Listener listener, Proposal p,
            List<HyperparameterSearch.FoldScore> folds) {
        listener.trialCancelled(p.trial(), p.point(), List.copyOf(folds));
        return new OperationCanceledException("the search was cancelled in trial " + p.trial());
    }
}
