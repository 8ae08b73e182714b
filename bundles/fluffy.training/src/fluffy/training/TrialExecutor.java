package fluffy.training;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;

import fluffy.models.HyperparameterValues;
import fluffy.runtime.session.SessionException;
import fluffy.training.data.Folds;

/**
 * Where the trainings of a search round run: every proposal of the round on every fold. The search
 * proposes a round, hands it to its executor and tells the optimiser the results; the executor decides
 * whether the round's trials run one after the other in this process ({@link LocalTrials}) or at once
 * elsewhere (a SLURM array job). Either way each fold is trained by {@link FoldTask#run}, so the same
 * proposal scores the same wherever it runs.
 */
public interface TrialExecutor {

    /** A trial of a round: its number in the search, its point, and the values and settings of that point. */
    record Proposal(int trial, int round, Map<String, Object> point, HyperparameterValues values,
            TrainingSettings settings) {
    }

    /**
     * A round of proposals, the folds each is trained on, and the best mean score of the trials before the
     * round (negative infinity when none), against which an executor may stop a hopeless trial early.
     */
    record Round(int number, List<Proposal> proposals, List<Folds.Fold> folds, double bestSoFar) {
    }

    /**
     * Trains the round; reports each fold to {@code listener} as it ends and returns one result per
     * proposal, in the round's order. A trial whose training failed (a task that crashed or ran out of time)
     * is returned with {@link HyperparameterSearch.TrialResult#failure} set; the search goes on without it.
     *
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled; the trials that had not
     *                                                             finished are reported to the listener
     */
    List<HyperparameterSearch.TrialResult> run(Round round, IProgressMonitor monitor,
            HyperparameterSearch.Listener listener) throws SessionException;
}
