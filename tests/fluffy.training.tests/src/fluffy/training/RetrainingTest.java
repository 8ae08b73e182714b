package fluffy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.io.SyntheticPairs;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Split;

/**
 * One-click retraining: a barely trained model is fine-tuned from its own file into a new run beside it,
 * with its own settings at a third of its learning rate, and both are scored on the new run's validation
 * images: the retrained one scores better, and the run folder says so.
 */
class RetrainingTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0));

    @Test
    void aRetrainedModelScoresBetterOnTheSameValidationImages(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("Processed");
        Files.createDirectories(data.resolve("images"));
        Files.createDirectories(data.resolve("masks"));
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(128, 128));
        for (int i = 0; i < 12; i++) {
            SyntheticPairs.write(generator.generate(300 + i), data.resolve("images/n_" + i + ".tif"),
                    data.resolve("masks/n_" + i + ".tif"));
        }
        Path runs = dir.resolve("Runs");
        TrainingSettings brief = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(4).withCrop(64)
                .withEpochs(1).withStepsPerEpoch(15).withSeed(4);
        new TrainingRun().run(new TrainingRun.Request(data, runs.resolve("first"), type, values, brief,
                Split.Fractions.DEFAULT, false, null), new NullProgressMonitor(), e -> { }, line -> { });
        Path model = RunFolder.at(runs.resolve("first")).model();

        Path runDir = Retraining.runFolder(model, runs);
        assertEquals(runs.resolve("first-retrain"), runDir);
        TrainingRun.Request request = Retraining.request(data, model, runDir, SessionSettings.cpu(), id -> type);
        assertEquals(model, request.initFrom());
        assertEquals(Retraining.EPOCHS, request.settings().epochs());
        assertEquals(brief.learningRate() / 3, request.settings().learningRate(), 1e-12);
        assertEquals(brief.batchSize(), request.settings().batchSize(), "the model's own settings");
        new TrainingRun().run(request, new NullProgressMonitor(), e -> { }, line -> { });

        Retraining.Comparison c = Retraining.compare(request, id -> type);
        System.out.println("retraining: " + c.describe());
        assertTrue(c.images() >= 1);
        assertTrue(c.after() > c.before(), c.describe());
        assertTrue(Files.readString(RunFolder.at(runDir).retrainingFile()).contains(c.describe()));
        assertEquals(model.toAbsolutePath().toString(), ModelPackage.read(RunFolder.at(runDir).model(), id -> type)
                .training().get("init_from"), "the retrained model says where it started");
        assertEquals(runs.resolve("first-retrain-2"), Retraining.runFolder(model, runs), "never the same run twice");
    }
}
