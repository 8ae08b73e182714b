package fluffy.runtime.session;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.TrainingLayout;

/**
 * Gives a training's batch-norm running statistics the values its current weights produce. During training
 * the running statistics are a moving average over past steps, each made with older weights and with
 * dropout on; at a high learning rate they lag the weights, and inference (no dropout) sees other
 * activations than they describe. This runs the forward pass with batch statistics and no dropout over
 * some batches and sets each running mean to the mean over all their pixels and each running variance to
 * the variance over all of them (the batches' variances plus the spread of their means).
 */
public final class BatchNormCalibration implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final TrainingLayout layout;
    private final OrtSession session;

    /** @param statisticsGraph {@link Graphs#statistics} of the network the training session trains */
    public BatchNormCalibration(Graphs.Built statisticsGraph, SessionSettings settings) throws SessionException {
        this.layout = statisticsGraph.layout();
        try {
            this.session = layout.buffers().isEmpty() ? null : Sessions.create(statisticsGraph.model().toBytes(), settings);
        } catch (OrtException e) {
            throw new SessionException("creating the statistics session failed", e);
        }
    }

    /** Whether the network has batch norm at all (without it, {@link #calibrate} does nothing). */
    public boolean applies() {
        return session != null;
    }

    /**
     * Sets the running statistics of {@code training} from these batches (all of one shape) under its
     * current weights. Does nothing without batches or without batch norm.
     */
    public void calibrate(TrainingSession training, List<Batch> batches) throws SessionException {
        if (session == null || batches.isEmpty()) {
            return;
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, double[]> meanSquares = new HashMap<>();
        try {
            for (Batch batch : batches) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                for (String name : layout.parameters()) {
                    inputs.put(name, training.parameter(name));
                }
                try (OnnxTensor image = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch.images()), batch.imageShape())) {
                    inputs.put(layout.image(), image);
                    try (OrtSession.Result result = session.run(inputs)) {
                        for (String buffer : layout.buffers()) {
                            float[] estimate = TrainingSession.floats(
                                    (OnnxTensor) result.get(TrainingLayout.batchEstimate(buffer)).orElseThrow());
                            double[] sum = sums.computeIfAbsent(buffer, k -> new double[estimate.length]);
                            for (int i = 0; i < estimate.length; i++) {
                                sum[i] += estimate[i];
                            }
                            if (buffer.endsWith("running_mean")) {
                                double[] sq = meanSquares.computeIfAbsent(buffer, k -> new double[estimate.length]);
                                for (int i = 0; i < estimate.length; i++) {
                                    sq[i] += (double) estimate[i] * estimate[i];
                                }
                            }
                        }
                    }
                }
            }
            int n = batches.size();
            Map<String, float[]> values = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                String buffer = e.getKey();
                double[] sum = e.getValue();
                float[] v = new float[sum.length];
                if (buffer.endsWith("running_var")) {
                    // Total variance = mean of the batches' variances + variance of their means.
                    String meanBuffer = buffer.substring(0, buffer.length() - "running_var".length()) + "running_mean";
                    double[] means = sums.get(meanBuffer);
                    double[] sq = meanSquares.get(meanBuffer);
                    for (int i = 0; i < v.length; i++) {
                        double m = means == null ? 0 : means[i] / n;
                        double spread = sq == null ? 0 : Math.max(0, sq[i] / n - m * m);
                        v[i] = (float) (sum[i] / n + spread);
                    }
                } else {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (sum[i] / n);
                    }
                }
                values.put(buffer, v);
            }
            training.setBuffers(values);
        } catch (OrtException e) {
            throw new SessionException("computing the batch statistics failed", e);
        }
    }

    @Override
    public void close() throws SessionException {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                throw new SessionException("closing the statistics session failed", e);
            }
        }
    }
}
