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
    private final TrainingSettings base = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(2)
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
    private static final class Heard implements HyperparameterSearch.Listener {
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
                names, samples(), plan, List.of(), cancelledAtCheck(3), heard, m -> { }));
        assertEquals(List.of(), heard.folds, "a fold without an epoch has no score");
        assertEquals(List.of(), heard.trials);
        assertEquals(List.of(1), heard.cancelled);
    }

    @Test
    void aSearchResumedAfterItsFinishedTrialsProposesTheSamePoints() throws Exception {
        Heard whole = new Heard();
        new HyperparameterSearch().search(type, values, base, names, samples(), plan, List.of(),
                new NullProgressMonitor(), whole, m -> { });
        assertEquals(3, whole.trials.size());

        NullProgressMonitor monitor = new NullProgressMonitor();
        Heard interrupted = new Heard(monitor);
        assertThrows(OperationCanceledException.class, () -> new HyperparameterSearch().search(type, values, base,
                names, samples(), plan, List.of(), monitor, interrupted, m -> { }));
        assertEquals(1, interrupted.trials.size());
        assertEquals(List.of(2), interrupted.cancelled);
        assertEquals(whole.trials.get(1).point(), interrupted.cancelledPoints.get(0));

        Heard resumed = new Heard();
        List<String> log = new ArrayList<>();
        HyperparameterSearch.Best best = new HyperparameterSearch().search(type, values, base, names, samples(), plan,
                interrupted.trials, new NullProgressMonitor(), resumed, log::add);
        assertEquals(List.of(2, 3), resumed.trials.stream().map(HyperparameterSearch.TrialResult::trial).toList(),
                "the finished trial is not run again");
        assertEquals(whole.trials.get(1).point(), resumed.trials.get(0).point());
        assertEquals(whole.trials.get(2).point(), resumed.trials.get(1).point(), "the optimiser goes on as before");
        assertTrue(log.contains("resuming the search after trial 1 of 3"), log.toString());
        assertTrue(Double.isFinite(best.score()));
    }
}
