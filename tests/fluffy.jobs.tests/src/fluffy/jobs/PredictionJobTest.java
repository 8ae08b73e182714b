package fluffy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Normalization;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.BatchPrediction;
import fluffy.inference.InputType;
import fluffy.inference.PostProcessing;
import fluffy.inference.FluffyModel;
import fluffy.inference.TileSettings;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.unet.CategoricalUNet;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.Weights;
import fluffy.runtime.session.SessionSettings;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/**
 * Prediction as a real Eclipse Job on real files, with an untrained model (these tests are about the job,
 * not about accuracy): a bad file is reported by name and the rest predicted; cancelling leaves no half
 * written image behind.
 */
class PredictionJobTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.0));

    @Test
    void aBadFileIsReportedByNameAndTheOthersArePredicted(@TempDir Path dir) throws Exception {
        List<Path> inputs = images(dir.resolve("in"), 3);
        Path broken = dir.resolve("in/broken.tif");
        Files.writeString(broken, "not a TIFF");
        PredictionJob job = job(dir, List.of(inputs.get(0), broken, inputs.get(1), inputs.get(2)));
        job.schedule();
        job.join();
        assertEquals(IStatus.WARNING, job.getResult().getSeverity(), job.getResult().toString());
        assertTrue(job.getResult().getMessage().contains("broken.tif"), job.getResult().getMessage());
        assertEquals(4, job.results().size());
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.isRegularFile(dir.resolve("out/img_" + i + ".tif")));
            assertTrue(Files.isRegularFile(dir.resolve("out/img_" + i + "_overlay.png")));
        }
        assertFalse(Files.exists(dir.resolve("out/broken.tif")));
        assertTrue(Job.getJobManager().find(FluffyJobs.PREDICTION).length == 0);
    }

    @Test
    void cancellingKeepsFinishedImagesAndLeavesNoPartialFiles(@TempDir Path dir) throws Exception {
        List<Path> inputs = images(dir.resolve("in"), 4);
        PredictionJob job = job(dir, inputs);
        job.addListener(r -> job.cancel());
        job.schedule();
        job.join();
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertEquals(1, job.results().size());
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("img_0.tif"), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("img_1") || n.endsWith(".partial")), names.toString());
        }
    }

    private PredictionJob job(Path dir, List<Path> inputs) throws Exception {
        Path modelFile = dir.resolve("model.onnx");
        Weights weights = Weights.initialize(Graphs.specs(type.network(values, 1)), 3);
        new ModelPackage(type, values, 1, Normalization.DEFAULT, weights, Map.of(), null).write(modelFile);
        FluffyModel model = FluffyModel.read(modelFile, id -> type);
        return new PredictionJob(model, SessionSettings.cpu(), new TileSettings(64, 8, 2),
                new BatchPrediction.Request(inputs, dir.resolve("out"), InputType.FRAME, -1,
                        new PostProcessing(true, 0, true), false));
    }

    private static List<Path> images(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(150, 100));
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] data = generator.generate(i).image().data();
            short[] pixels = new short[data.length];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = (short) Math.min(65535, Math.round(data[p]));
            }
            Path file = dir.resolve("img_" + i + ".tif");
            new FileSaver(new ImagePlus("img", new ShortProcessor(150, 100, pixels, null))).saveAsTiff(file.toString());
            files.add(file);
        }
        return files;
    }
}
