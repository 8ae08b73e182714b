package fluffy.commands.bench;

import java.util.Random;

import fluffy.runtime.session.SessionException;
import fluffy.models.unet.BinaryLoss;
import fluffy.models.unet.UNet;
import fluffy.onnx.autodiff.ConvInputGradient;
import fluffy.onnx.autodiff.GradientRules;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.Weights;
import fluffy.onnx.optim.Optimizer;
import fluffy.runtime.session.Batch;
import fluffy.runtime.session.InferenceSession;
import fluffy.runtime.session.SessionSettings;
import fluffy.runtime.session.TrainingSession;

/**
 * Times the plain U-Net of the benchmark (two Conv3x3+ReLU per level, max pooling, transposed-convolution
 * upsampling, concatenation, 1x1 head; 481,745 parameters at depth 4 and width 16) on random data: Adam
 * training steps and whole-image inference. Every figure is the median of {@code repeats} runs after
 * {@code warmup} unmeasured ones (the first runs pay for memory planning and allocation).
 */
final class UNetBenchmark {

    private final int depth;
    private final int width;
    private final SessionSettings settings;
    private final int warmup;
    private final int repeats;

    UNetBenchmark(int depth, int width, SessionSettings settings, int warmup, int repeats) {
        this.depth = depth;
        this.width = width;
        this.settings = settings;
        this.warmup = warmup;
        this.repeats = repeats;
    }

    UNet network() {
        return new UNet(1, 1, depth, width, 0, false, 0, new BinaryLoss(0));
    }

    /** Median milliseconds of one training step at this batch size and square crop size. */
    double trainStepMillis(int batch, int size, ConvInputGradient form) throws SessionException {
        UNet net = network();
        Graphs.Built training = Graphs.training(net, Optimizer.of("adam"), GradientRules.standard(form), 1);
        Batch data = randomBatch(batch, size, new Random(1));
        try (TrainingSession session = new TrainingSession(training, Graphs.evaluation(net),
                Weights.initialize(training.specs(), 1), null, 0, settings)) {
            double[] times = new double[repeats];
            for (int i = 0; i < warmup + repeats; i++) {
                long start = System.nanoTime();
                session.step(data, 1e-4f);
                if (i >= warmup) {
                    times[i - warmup] = (System.nanoTime() - start) / 1e6;
                }
            }
            return Medians.median(times);
        }
    }

    /** Median milliseconds to predict one square image of this size. */
    double inferMillis(int size) throws SessionException {
        UNet net = network();
        byte[] model = Graphs.export(net, Weights.initialize(Graphs.specs(net), 1), java.util.Map.of()).model().toBytes();
        float[] image = randomBatch(1, size, new Random(2)).images();
        try (InferenceSession session = new InferenceSession(model, settings)) {
            double[] times = new double[repeats];
            for (int i = 0; i < warmup + repeats; i++) {
                long start = System.nanoTime();
                session.predict(image, 1, 1, size, size);
                if (i >= warmup) {
                    times[i - warmup] = (System.nanoTime() - start) / 1e6;
                }
            }
            return Medians.median(times);
        }
    }

    private static Batch randomBatch(int n, int size, Random random) {
        float[] images = new float[n * size * size];
        float[] targets = new float[n * size * size];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
            targets[i] = random.nextBoolean() ? 1 : 0;
        }
        return new Batch(images, targets, n, 1, 1, size, size);
    }
}
