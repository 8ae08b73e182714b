package fluffy.models.unet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.ObjectMatching;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.runtime.session.TrainingSession;

/**
 * Short CPU trainings on synthetic nuclei, judged on images the network never saw: the binary U-Net by
 * pixel Dice, the categorical U-Net by object F1 at IoU 0.5 after turning its output into instances.
 */
class UNetTrainingTest {

    @Test
    void binaryUNetReachesDice095OnHeldOutImages() throws Exception {
        BinaryUNet type = new BinaryUNet();
        HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
                Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0));
        SyntheticTraining run = new SyntheticTraining(type, values);
        List<SyntheticTraining.Example> train = run.examples(16, 192, 1000);
        List<SyntheticTraining.Example> test = run.examples(4, 192, 9000);
        try (TrainingSession session = run.train(train, 300, 4, 96, 3e-3f, 1)) {
            double intersection = 0;
            double total = 0;
            for (SyntheticTraining.Example e : test) {
                float[] p = run.predict(session, e);
                for (int i = 0; i < p.length; i++) {
                    boolean predicted = p[i] > 0.5f;
                    boolean truth = e.labels().labels()[i] != 0;
                    intersection += predicted && truth ? 1 : 0;
                    total += (predicted ? 1 : 0) + (truth ? 1 : 0);
                }
            }
            double dice = 2 * intersection / total;
            System.out.printf("binary U-Net: held-out Dice %.4f after %d steps%n", dice, session.completedSteps());
            assertTrue(dice >= 0.95, "held-out Dice " + dice);
        }
    }

    @Test
    void categoricalUNetReachesObjectF1090OnHeldOutImages() throws Exception {
        CategoricalUNet type = new CategoricalUNet();
        assertInstancesOnHeldOutImages(type, HyperparameterValues.of(type.hyperparameters(),
                Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0)), "categorical U-Net");
    }

    @Test
    void residualUNetReachesObjectF1090OnHeldOutImages() throws Exception {
        ResidualCategoricalUNet type = new ResidualCategoricalUNet();
        assertInstancesOnHeldOutImages(type, HyperparameterValues.of(type.hyperparameters(),
                Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0)), "residual U-Net");
    }

    private static void assertInstancesOnHeldOutImages(ModelType type, HyperparameterValues values, String name)
            throws Exception {
        SyntheticTraining run = new SyntheticTraining(type, values);
        List<SyntheticTraining.Example> train = run.examples(16, 192, 2000);
        List<SyntheticTraining.Example> test = run.examples(4, 192, 8000);
        try (TrainingSession session = run.train(train, 500, 4, 96, 3e-3f, 2)) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (SyntheticTraining.Example e : test) {
                LabelMap predicted = type.labelMap(run.predict(session, e), e.width(), e.height(), values);
                ObjectMatching.Result r = ObjectMatching.match(e.labels(), predicted, 0.5);
                tp += r.truePositives();
                fp += r.falsePositives();
                fn += r.falseNegatives();
            }
            double f1 = 2.0 * tp / (2 * tp + fp + fn);
            System.out.printf("%s: held-out object F1@0.5 %.4f (TP %d, FP %d, FN %d) after %d steps%n",
                    name, f1, tp, fp, fn, session.completedSteps());
            assertTrue(f1 >= 0.90, "held-out object F1@0.5 " + f1);
        }
    }
}
