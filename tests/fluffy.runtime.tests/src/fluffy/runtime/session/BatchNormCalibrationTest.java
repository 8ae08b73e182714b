package fluffy.runtime.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;
import fluffy.onnx.autodiff.GradientRules;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.NetworkBuilder;
import fluffy.onnx.nn.NetworkDefinition;
import fluffy.onnx.nn.Weights;
import fluffy.onnx.optim.Optimizer;

/**
 * Batch-norm recalibration on the real ONNX Runtime, with batch norm applied to the image itself so that the
 * statistics it must find are the pixels' own.
 */
class BatchNormCalibrationTest {

    private static final int CHANNELS = 2;
    private static final int SIZE = 8;

    /** Batch norm on the input (when asked for), then a convolution of {@code kernel}; squared error. */
    private record Net(int inputChannels, boolean batchNorm, int kernel) implements NetworkDefinition {
        @Override
        public int outputChannels() {
            return 1;
        }

        @Override
        public int sizeMultiple() {
            return 1;
        }

        @Override
        public Value forward(NetworkBuilder network, Value image) {
            return network.conv("head", batchNorm ? network.batchNorm("bn", image) : image, 1, kernel);
        }

        @Override
        public Value loss(Ops ops, Value logits, Value targets) {
            Value d = ops.sub(logits, targets);
            return ops.reduceMean(ops.mul(d, d), new long[] {0, 1, 2, 3}, false);
        }

        @Override
        public Value activation(Ops ops, Value logits) {
            return logits;
        }
    }

    private static final Net NET = new Net(CHANNELS, true, 1);

    /** A batch whose channel c has mean offset[c] + batch shift and spread scale[c]. */
    private static Batch batch(Random random, int n, float shift) {
        float[] offset = {3, -1};
        float[] scale = {2, 0.5f};
        float[] images = new float[n * CHANNELS * SIZE * SIZE];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < CHANNELS; c++) {
                for (int i = 0; i < SIZE * SIZE; i++) {
                    images[(b * CHANNELS + c) * SIZE * SIZE + i] = offset[c] + shift
                            + scale[c] * (float) random.nextGaussian();
                }
            }
        }
        return new Batch(images, new float[n * SIZE * SIZE], n, CHANNELS, 1, SIZE, SIZE);
    }

    private static TrainingSession session() throws SessionException {
        Graphs.Built training = Graphs.training(NET, Optimizer.of("adam"), GradientRules.standard(), 1);
        return new TrainingSession(training, Graphs.evaluation(NET), Weights.initialize(training.specs(), 3), null, 0,
                SessionSettings.cpu());
    }

    @Test
    void theRunningStatisticsBecomeTheMeanAndVarianceOverAllPixelsOfTheBatches() throws Exception {
        Random random = new Random(11);
        // Two batches whose means differ: the pooled variance includes the spread between them.
        List<Batch> batches = List.of(batch(random, 3, 0), batch(random, 3, 2));
        double[] sum = new double[CHANNELS];
        double[] squares = new double[CHANNELS];
        long count = 0;
        for (Batch b : batches) {
            for (int n = 0; n < b.n(); n++) {
                for (int c = 0; c < CHANNELS; c++) {
                    for (int i = 0; i < SIZE * SIZE; i++) {
                        double v = b.images()[(n * CHANNELS + c) * SIZE * SIZE + i];
                        sum[c] += v;
                        squares[c] += v * v;
                    }
                }
            }
            count += (long) b.n() * SIZE * SIZE;
        }
        try (TrainingSession training = session();
                BatchNormCalibration calibration = new BatchNormCalibration(Graphs.statistics(NET), SessionSettings.cpu())) {
            assertTrue(calibration.applies());
            assertArrayEquals(new float[] {0, 0}, training.weights().get("bn/running_mean"));
            calibration.calibrate(training, batches);
            float[] mean = training.weights().get("bn/running_mean");
            float[] variance = training.weights().get("bn/running_var");
            for (int c = 0; c < CHANNELS; c++) {
                double m = sum[c] / count;
                assertEquals(m, mean[c], 1e-4, "mean of channel " + c);
                assertEquals(squares[c] / count - m * m, variance[c], 1e-3, "variance of channel " + c);
            }
            // The pooled variance of channel 0 (spread 2, batch means 2 apart) is about 4 + 1, not the 4 of
            // each batch: the batches' means count.
            assertTrue(variance[0] > 4.5, "variance " + variance[0]);
        }
    }

    @Test
    void theNextStepMovesOnFromTheCalibratedStatisticsAndEvaluationUsesThem() throws Exception {
        Random random = new Random(5);
        try (TrainingSession training = session();
                BatchNormCalibration calibration = new BatchNormCalibration(Graphs.statistics(NET), SessionSettings.cpu())) {
            Batch sample = batch(random, 4, 0);
            calibration.calibrate(training, List.of(sample));
            float[] calibrated = training.weights().get("bn/running_mean");
            // Evaluation normalises with the calibrated statistics: on the batch they came from, batch norm's
            // output has mean 0 per channel, so the 1x1 convolution's output has the mean of its bias (0).
            float[] out = training.evaluate(sample).prediction().image(0);
            double mean = 0;
            for (float v : out) {
                mean += v;
            }
            // One image of the batch, not all four: close to 0, not exactly.
            assertEquals(0, mean / out.length, 0.5);
            Batch next = batch(random, 4, 10);
            training.step(next, 1e-3f);
            float[] stepped = training.weights().get("bn/running_mean");
            for (int c = 0; c < CHANNELS; c++) {
                // The step's moving average starts from the calibrated value and moves towards the new batch.
                assertTrue(stepped[c] > calibrated[c] + 0.1 && stepped[c] < calibrated[c] + 1, "channel " + c
                        + ": " + calibrated[c] + " -> " + stepped[c]);
            }
            // Calibrating again after the step replaces the values once more.
            calibration.calibrate(training, List.of(next));
            assertFalse(java.util.Arrays.equals(stepped, training.weights().get("bn/running_mean")));
        }
    }

    @Test
    void aNetworkWithoutBatchNormHasNothingToCalibrate() throws Exception {
        NetworkDefinition plain = new Net(1, false, 3);
        try (BatchNormCalibration calibration = new BatchNormCalibration(Graphs.statistics(plain), SessionSettings.cpu())) {
            assertFalse(calibration.applies());
        }
    }
}
