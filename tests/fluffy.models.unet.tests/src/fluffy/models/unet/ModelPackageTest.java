package fluffy.models.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import fluffy.core.image.Normalization;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.onnx.autodiff.GradientRules;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.NetworkDefinition;
import fluffy.onnx.nn.Weights;
import fluffy.onnx.optim.Optimizer;
import fluffy.runtime.session.Batch;
import fluffy.runtime.session.InferenceSession;
import fluffy.runtime.session.SessionSettings;
import fluffy.runtime.session.TrainingSession;

/**
 * The exported model against the training graph's own forward pass, loading it with nothing but ONNX
 * Runtime; and resuming from a written package against an uninterrupted run.
 */
class ModelPackageTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 3, "width", 4, "last_width", 4, "dropout", 0.0));
    private final NetworkDefinition network = type.network(values, 1);

    @Test
    void exportedModelMatchesTheEvaluationGraphInAFreshSession(@TempDir Path dir) throws Exception {
        Batch batch = batch(new Random(1), 2, 32);
        Batch single = batch(new Random(2), 1, 48);
        try (TrainingSession session = newSession()) {
            for (int i = 0; i < 3; i++) {
                session.step(batch, 1e-2f); // moves weights and batch-norm running statistics away from their start
            }
            float[] expected = session.evaluate(single).prediction().values();
            ModelPackage pkg = new ModelPackage(type, values, 1, Normalization.DEFAULT, session.weights(),
                    Map.of("steps", "3"), null);
            Path file = dir.resolve("model.onnx");
            pkg.write(file);

            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession fresh = env.createSession(file.toString());
                    OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(single.images()), new long[] {1, 1, 48, 48});
                    OrtSession.Result r = fresh.run(Map.of(fresh.getInputNames().iterator().next(), x))) {
                FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float worst = 0;
                for (int i = 0; i < expected.length; i++) {
                    worst = Math.max(worst, Math.abs(out.get(i) - expected[i]));
                }
                System.out.printf("export vs training graph forward pass: max abs difference %.2e%n", worst);
                assertTrue(worst <= 1e-5, "max difference " + worst);
                Map<String, String> meta = fresh.getMetadata().getCustomMetadata();
                assertEquals("unet.categorical", meta.get(ModelPackage.TYPE));
                assertEquals("background,object,border", meta.get(ModelPackage.CLASSES));
                assertEquals("3", meta.get(ModelPackage.TRAINING_PREFIX + "steps"));
            }
        }
    }

    @Test
    void resumingFromAWrittenPackageContinuesExactly(@TempDir Path dir) throws Exception {
        Batch[] batches = {batch(new Random(3), 2, 32), batch(new Random(4), 2, 32), batch(new Random(5), 2, 32),
            batch(new Random(6), 2, 32)};
        Weights straight;
        try (TrainingSession session = newSession()) {
            for (Batch b : batches) {
                session.step(b, 5e-3f);
            }
            straight = session.weights();
        }
        Path file = dir.resolve("run/model.onnx");
        try (TrainingSession first = newSession()) {
            first.step(batches[0], 5e-3f);
            first.step(batches[1], 5e-3f);
            new ModelPackage(type, values, 1, Normalization.DEFAULT, first.weights(), Map.of(),
                    new ModelPackage.ResumeState(first.optimizerState(), first.completedSteps(), "adam")).write(file);
        }
        assertTrue(Files.isRegularFile(ModelPackage.stateFile(file)));
        ModelPackage read = ModelPackage.read(file, id -> type);
        assertEquals(values, read.hyperparameters());
        assertEquals(2, read.resume().completedSteps());
        try (TrainingSession resumed = new TrainingSession(training(), Graphs.evaluation(network), read.weights(),
                read.resume().optimizerState(), read.resume().completedSteps(), SessionSettings.cpu())) {
            resumed.step(batches[2], 5e-3f);
            resumed.step(batches[3], 5e-3f);
            Weights w = resumed.weights();
            for (String name : straight.names()) {
                float[] a = straight.get(name);
                float[] b = w.get(name);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i], b[i], 1e-5f, name + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void inferenceSessionRunsAnyImageSizeOfTheMultiple(@TempDir Path dir) throws Exception {
        Weights w = Weights.initialize(Graphs.specs(network), 9);
        byte[] model = new ModelPackage(type, values, 1, Normalization.DEFAULT, w, Map.of(), null).inferenceModel();
        try (InferenceSession s = new InferenceSession(model, SessionSettings.cpu(1))) {
            var p = s.predict(new float[2 * 40 * 24], 2, 1, 40, 24);
            assertArrayEquals(new long[] {2, 3, 40, 24}, p.shape());
            float sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += p.values()[c * 40 * 24];
            }
            assertEquals(1f, sum, 1e-5f, "softmax over classes");
            assertEquals(List.of("unet.categorical"), List.of(s.metadata().get(ModelPackage.TYPE)));
        }
    }

    private Graphs.Built training() {
        return Graphs.training(network, Optimizer.of("adam"), GradientRules.standard(), 5);
    }

    private TrainingSession newSession() throws Exception {
        Graphs.Built t = training();
        return new TrainingSession(t, Graphs.evaluation(network), Weights.initialize(t.specs(), 5), null, 0,
                SessionSettings.cpu());
    }

    private Batch batch(Random random, int n, int size) {
        float[] images = new float[n * size * size];
        float[] targets = new float[n * 3 * size * size];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int plane = size * size;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < plane; i++) {
                targets[(b * 3 + random.nextInt(3)) * plane + i] = 1;
            }
        }
        return new Batch(images, targets, n, 1, 3, size, size);
    }
}
