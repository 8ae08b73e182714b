package fluffy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import fluffy.core.image.Normalization;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.models.HyperparameterValues;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Sample;

/** The trainer on synthetic nuclei: it learns, it keeps the best epoch, and a cancelled run resumes. */
class TrainerTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0));

    private List<Sample> samples(int count, long seed) {
        SyntheticNuclei g = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(128, 128));
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var s = g.generate(seed + i);
            out.add(new Sample("s" + (seed + i), 128, 128, Normalization.DEFAULT.apply(s.image()), s.labels(),
                    type.targets(s.labels(), values)));
        }
        return out;
    }

    private TrainingSettings settings(int epochs) {
        return TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(4).withCrop(64).withEpochs(epochs)
                .withStepsPerEpoch(25).withSeed(7);
    }

    @Test
    void trainingImprovesTheValidationScoreAndKeepsTheBestEpoch() throws Exception {
        List<EpochResult> heard = new ArrayList<>();
        Trainer.Outcome o = new Trainer().train(type, values, samples(8, 100), samples(2, 900), settings(4),
                Trainer.Start.fresh(), new NullProgressMonitor(), heard::add);
        assertEquals(4, o.history().size());
        assertEquals(o.history(), heard);
        assertFalse(o.cancelled());
        assertEquals(100, o.completedSteps());
        EpochResult first = o.history().get(0);
        EpochResult bestEpoch = o.history().get(o.bestEpoch());
        assertTrue(bestEpoch.best());
        assertTrue(o.history().get(3).trainLoss() < first.trainLoss(), o.history().toString());
        // Batch norm is recalibrated before each validation, so even the first epoch scores fairly (about 0.7
        // here); the best is clearly better and good in absolute terms.
        assertTrue(bestEpoch.valF1() > first.valF1() + 0.05 && bestEpoch.valF1() >= 0.75, o.history().toString());
    }

    @Test
    void earlyStoppingEndsAfterPatienceEpochsWithoutABetterValidationScore() throws Exception {
        List<EpochResult> h = new ArrayList<>();
        for (boolean best : new boolean[] {true, true, false, false}) {
            h.add(new EpochResult(h.size() + 1, 1, 1, 0.5, 0.5, 1e-3, 1, best));
        }
        assertTrue(Trainer.stoppedEarly(h, 2));
        assertFalse(Trainer.stoppedEarly(h, 3));
        assertFalse(Trainer.stoppedEarly(h, 0));
        // A real training with patience 1 either stopped at its first epoch without improvement or improved
        // at every epoch it ran.
        Trainer.Outcome o = new Trainer().train(type, values, samples(4, 100), samples(2, 900),
                settings(6).withPatience(1), Trainer.Start.fresh(), new NullProgressMonitor(), TrainingListener.NONE);
        List<EpochResult> run = o.history();
        boolean stopped = run.size() < 6;
        assertEquals(stopped, !run.get(run.size() - 1).best(), run.toString());
        assertTrue(run.subList(0, run.size() - 1).stream().allMatch(EpochResult::best), run.toString());
    }

    @Test
    void aCancelledTrainingResumesToTheEnd() throws Exception {
        NullProgressMonitor monitor = new NullProgressMonitor();
        TrainingListener cancelAfterFirstEpoch = r -> monitor.setCanceled(true);
        Trainer.Outcome stopped = new Trainer().train(type, values, samples(4, 100), samples(1, 900), settings(3),
                Trainer.Start.fresh(), monitor, cancelAfterFirstEpoch);
        assertTrue(stopped.cancelled());
        assertEquals(1, stopped.completedEpochs());
        Trainer.Start resume = new Trainer.Start(stopped.last(), stopped.optimizerState(), stopped.completedSteps(),
                stopped.completedEpochs(), stopped.history());
        Trainer.Outcome finished = new Trainer().train(type, values, samples(4, 100), samples(1, 900), settings(3),
                resume, new NullProgressMonitor(), TrainingListener.NONE);
        assertFalse(finished.cancelled());
        assertEquals(3, finished.history().size());
        assertEquals(75, finished.completedSteps());
    }

    @Test
    void theSameSeedAndDataGiveTheSameFirstEpochLoss() throws Exception {
        HyperparameterValues withDropout = HyperparameterValues.of(type.hyperparameters(),
                Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.2));
        TrainingSettings s = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(2).withCrop(32).withEpochs(1)
                .withStepsPerEpoch(5).withSeed(11);
        double[] losses = new double[2];
        for (int i = 0; i < 2; i++) {
            losses[i] = new Trainer().train(type, withDropout, samples(3, 100), List.of(), s, Trainer.Start.fresh(),
                    new NullProgressMonitor(), TrainingListener.NONE).history().get(0).trainLoss();
        }
        assertEquals(losses[0], losses[1], 0.0, "bit-identical on the CPU");
    }

    @Test
    void warmUpThenCosineDecay() {
        Schedule s = new Schedule(settings(10));
        assertEquals(3e-3 / 25, s.learningRate(0), 1e-12);
        assertEquals(3e-3, s.learningRate(25), 1e-9);
        assertEquals(3e-3 * 0.02, s.learningRate(250), 1e-9);
        for (int step = 26; step < 250; step++) {
            assertTrue(s.learningRate(step) < s.learningRate(step - 1), "falls at step " + step);
        }
    }
}
