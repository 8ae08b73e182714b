package fluffy.models.unet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fluffy.runtime.session.SessionException;
import fluffy.core.image.Normalization;
import fluffy.core.labels.LabelMap;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.autodiff.GradientRules;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.NetworkDefinition;
import fluffy.onnx.nn.Weights;
import fluffy.onnx.optim.Optimizer;
import fluffy.runtime.session.Batch;
import fluffy.runtime.session.SessionSettings;
import fluffy.runtime.session.TrainingSession;

/**
 * A small, complete training run on synthetic nuclei for tests: whole-image targets, random crops with
 * flips, Adam with a cosine learning-rate decay, and evaluation on held-out images with the inference
 * graph.
 */
final class SyntheticTraining {

    /** A normalised image with its label map and whole-image targets. */
    record Example(float[] image, LabelMap labels, float[] targets, int width, int height) {
    }

    private final ModelType type;
    private final HyperparameterValues values;
    private final NetworkDefinition network;

    SyntheticTraining(ModelType type, HyperparameterValues values) {
        this.type = type;
        this.values = values;
        this.network = type.network(values, 1);
    }

    List<Example> examples(int count, int size, long firstSeed) {
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(size, size));
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SyntheticNuclei.Sample s = generator.generate(firstSeed + i);
            examples.add(new Example(Normalization.DEFAULT.apply(s.image()), s.labels(), type.targets(s.labels(), values),
                    size, size));
        }
        return examples;
    }

    TrainingSession train(List<Example> data, int steps, int batchSize, int crop, float learningRate, long seed)
            throws SessionException {
        Graphs.Built training = Graphs.training(network, Optimizer.of("adam"), GradientRules.standard(), seed);
        Graphs.Built evaluation = Graphs.evaluation(network);
        Weights initial = Weights.initialize(training.specs(), seed);
        TrainingSession session = new TrainingSession(training, evaluation, initial, null, 0, SessionSettings.cpu());
        Random random = new Random(seed);
        for (int step = 0; step < steps; step++) {
            float lr = (float) (learningRate * 0.5 * (1 + Math.cos(Math.PI * step / steps)));
            session.step(batch(data, batchSize, crop, random), Math.max(lr, learningRate * 0.02f));
        }
        return session;
    }

    private Batch batch(List<Example> data, int n, int crop, Random random) {
        int classes = network.outputChannels();
        float[] images = new float[n * crop * crop];
        float[] targets = new float[n * classes * crop * crop];
        for (int b = 0; b < n; b++) {
            Example e = data.get(random.nextInt(data.size()));
            int x0 = random.nextInt(e.width() - crop + 1);
            int y0 = random.nextInt(e.height() - crop + 1);
            boolean flipX = random.nextBoolean();
            boolean flipY = random.nextBoolean();
            int plane = e.width() * e.height();
            for (int y = 0; y < crop; y++) {
                for (int x = 0; x < crop; x++) {
                    int sx = x0 + (flipX ? crop - 1 - x : x);
                    int sy = y0 + (flipY ? crop - 1 - y : y);
                    int src = sy * e.width() + sx;
                    images[(b * crop + y) * crop + x] = e.image()[src];
                    for (int c = 0; c < classes; c++) {
                        targets[((b * classes + c) * crop + y) * crop + x] = e.targets()[c * plane + src];
                    }
                }
            }
        }
        return new Batch(images, targets, n, 1, classes, crop, crop);
    }

    /** Probabilities for a whole example from the evaluation graph, [classes, H, W]. */
    float[] predict(TrainingSession session, Example e) throws SessionException {
        Batch one = new Batch(e.image(), e.targets(), 1, 1, network.outputChannels(), e.height(), e.width());
        return session.evaluate(one).prediction().image(0);
    }

    NetworkDefinition network() {
        return network;
    }
}
