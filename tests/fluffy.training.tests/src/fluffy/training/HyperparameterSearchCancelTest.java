package fluffy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

import fluffy.core.image.Normalization;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.models.HyperparameterValues;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Sample;

/**
 * A search cancelled anywhere, including inside the first epoch of a fold (where the fold has no epoch to
 * score), ends with {@link OperationCanceledException}: the interrupted trial is reported as cancelled and
 * never as a score, and a search resumed from its finished trials proposes the same next point.
 */
class HyperparameterSearchCancelTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.0));
    private final TrainingSettings base = TrainingSettings.defaults(SessionSettings.cpu(1)).withBatchSize(2)
            .withCrop(32).withStepsPerEpoch(4).withSeed(3);
    private final HyperparameterSearch.Plan plan = new HyperparameterSearch.Plan(3, 2, 1);
    private final List<String> names = List.of("a", "b", "c", "d", "e", "f");

    private HyperparameterSearch.SampleSource samples() {
        SyntheticNuclei g = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(48, 48));
        return (wanted, v) -> wanted.stream().map(n -> {
            var s = g.generate(n.charAt(0));
            return new Sample(n, 48, 48, Normalization.DEFAULT.apply(s.image()), s.labels(), type.targets(s.labels(), v));
        }).toList();
    }

    private TrialExecutor local() {
        return new LocalTrials(type, samples());
    }

    private static List<HyperparameterSearch.Recorded> recorded(List<HyperparameterSearch.TrialResult> finished) {
        return finished.stream().map(t -> new HyperparameterSearch.Recorded(t.trial(), t.round(), t.point(), t))
                .toList();
    }

    /** Cancelled on the {@code n}-th time anyone asks. */
    private static NullProgressMonitor cancelledAtCheck(int n) {
        AtomicInteger asked = new AtomicInteger();
        return new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return super.isCanceled() || asked.incrementAndGet() >= n;
            }
        };
    }

    /** Everything a search reports; {@code cancelIn} (when set) is cancelled when a fold of trial 2 ends. */
    private static class Heard implements HyperparameterSearch.Listener {
        final NullProgressMonitor cancelIn;
        final List<HyperparameterSearch.FoldScore> folds = new ArrayList<>();
        final List<HyperparameterSearch.TrialResult> trials = new ArrayList<>();
        final List<Integer> cancelled = new ArrayList<>();
        final List<Map<String, Object>> cancelledPoints = new ArrayList<>();

        Heard(NullProgressMonitor cancelIn) {
            this.cancelIn = cancelIn;
        }

        Heard() {
            this(null);
        }

        @Override
        public void foldFinished(HyperparameterSearch.FoldScore score) {
            folds.add(score);
            if (cancelIn != null && score.trial() == 2) {
                cancelIn.setCanceled(true);
            }
        }

        @Override
        public void trialFinished(HyperparameterSearch.TrialResult trial) {
            trials.add(trial);
        }

        @Override
        public void trialCancelled(int trial, Map<String, Object> point, List<HyperparameterSearch.FoldScore> done) {
            cancelled.add(trial);
            cancelledPoints.add(point);
        }
    }

    @Test
    void cancellingInsideTheFirstEpochOfAFoldIsACancellationNotAFailure() {
        Heard heard = new Heard();
        // Check 1 is the fold's own; the trainer asks before every step: check 3 falls inside the first epoch.
        assertThrows(OperationCanceledException.class, () -> new HyperparameterSearch().search(type, values, base,
                names, local(), plan, List.of(), cancelledAtCheck(3), heard, m -> { }));
        assertEquals(List.of(), heard.folds, "a fold without an epoch has no score");
        assertEquals(List.of(), heard.trials);
        assertEquals(List.of(1), heard.cancelled);
    }

    @Test
    void aSearchResumedAfterItsFinishedTrialsProposesTheSamePoints() throws Exception {
        Heard whole = new Heard();
        new HyperparameterSearch().search(type, values, base, names, local(), plan, List.of(),
                new NullProgressMonitor(), whole, m -> { });
        assertEquals(3, whole.trials.size());

        NullProgressMonitor monitor = new NullProgressMonitor();
        Heard interrupted = new Heard(monitor);
        assertThrows(OperationCanceledException.class, () -> new HyperparameterSearch().search(type, values, base,
                names, local(), plan, List.of(), monitor, interrupted, m -> { }));
        assertEquals(1, interrupted.trials.size());
        assertEquals(List.of(2), interrupted.cancelled);
        assertEquals(whole.trials.get(1).point(), interrupted.cancelledPoints.get(0));

        Heard resumed = new Heard();
        List<String> log = new ArrayList<>();
        HyperparameterSearch.Best best = new HyperparameterSearch().search(type, values, base, names, local(), plan,
                recorded(interrupted.trials), new NullProgressMonitor(), resumed, log::add);
        assertEquals(List.of(2, 3), resumed.trials.stream().map(HyperparameterSearch.TrialResult::trial).toList(),
                "the finished trial is not run again");
        assertEquals(whole.trials.get(1).point(), resumed.trials.get(0).point());
        assertEquals(whole.trials.get(2).point(), resumed.trials.get(1).point(), "the optimiser goes on as before");
        assertTrue(log.contains("resuming the search after trial 1 of 3"), log.toString());
        assertTrue(Double.isFinite(best.score()));
    }

    @Test
    void aRoundProposesSeveralDifferentPointsAndAnInterruptedRoundRunsOnlyItsUnfinishedTrials() throws Exception {
        HyperparameterSearch.Plan rounds = new HyperparameterSearch.Plan(4, 2, 1, 2);
        List<List<Integer>> proposed = new ArrayList<>();
        Heard whole = new Heard() {
            @Override
            public void roundProposed(List<TrialExecutor.Proposal> proposals) {
                proposed.add(proposals.stream().map(TrialExecutor.Proposal::trial).toList());
            }
        };
        new HyperparameterSearch().search(type, values, base, names, local(), rounds, List.of(),
                new NullProgressMonitor(), whole, m -> { });
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), proposed, "two rounds of two trials");
        assertEquals(List.of(1, 1, 2, 2), whole.trials.stream().map(HyperparameterSearch.TrialResult::round).toList());
        assertEquals(8, whole.folds.size(), "every trial on both folds");
        assertEquals(values.asMap().get("depth"), whole.trials.get(0).point().get("depth"), "defaults first");
        assertTrue(!whole.trials.get(2).point().equals(whole.trials.get(3).point()),
                "the pending point of a round steers its next proposal elsewhere");

        // The driver died in round 2 after trial 3: trial 4 is in the record with its point, unfinished.
        List<HyperparameterSearch.Recorded> record = new ArrayList<>(recorded(whole.trials.subList(0, 3)));
        record.add(new HyperparameterSearch.Recorded(4, 2, whole.trials.get(3).point(), null));
        Heard resumed = new Heard();
        new HyperparameterSearch().search(type, values, base, names, local(), rounds, record,
                new NullProgressMonitor(), resumed, m -> { });
        assertEquals(List.of(4), resumed.trials.stream().map(HyperparameterSearch.TrialResult::trial).toList());
        assertEquals(whole.trials.get(3).point(), resumed.trials.get(0).point());
        assertEquals(whole.trials.get(3).score(), resumed.trials.get(0).score(), 1e-9,
                "a trial scores the same wherever and whenever it is trained");
    }

    @Test
    void aFailedTrialIsRecordedAsFailedAndTheSearchGoesOn() throws Exception {
        HyperparameterSearch.Plan rounds = new HyperparameterSearch.Plan(3, 2, 1, 1);
        // A task that crashed: the executor has no score for trial 2 (as the SLURM executor reports a task
        // that left no result); the other trials train for real.
        TrialExecutor crashingTrial2 = (round, monitor, listener) -> {
            if (round.proposals().get(0).trial() == 2) {
                var failed = HyperparameterSearch.TrialResult.of(round.proposals().get(0), List.of(), false,
                        "task 0 (trial 2 fold 1) left no score");
                listener.trialFinished(failed);
                return List.of(failed);
            }
            return local().run(round, monitor, listener);
        };
        Heard heard = new Heard();
        HyperparameterSearch.Best best = new HyperparameterSearch().search(type, values, base, names, crashingTrial2,
                rounds, List.of(), new NullProgressMonitor(), heard, m -> { });
        assertEquals(3, heard.trials.size(), "the search went on after the failure");
        assertTrue(Double.isNaN(heard.trials.get(1).score()));
        assertTrue(Double.isFinite(best.score()));
    }
}
