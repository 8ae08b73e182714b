package fluffy.onnx.nn;

import java.util.List;

/**
 * The names a training or evaluation graph uses for its inputs and outputs, so that a session can feed
 * it without knowing how it was built. Every carried tensor (parameter, buffer, optimizer state) goes in
 * under its name and comes out as {@link #updated(String)}.
 *
 * @param parameters     trainable parameters, in graph order
 * @param buffers        tensors updated without gradients (running statistics)
 * @param optimizerState per-parameter optimizer slots, named {@code <parameter>/<slot>}
 */
public record TrainingLayout(String image, String target, String learningRate, String step, String loss,
        String probabilities, List<String> parameters, List<String> buffers, List<String> optimizerState) {

    public static final String IMAGE = "image";
    public static final String TARGET = "target";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String STEP = "step";
    public static final String LOSS = "loss";
    public static final String PROBABILITIES = "probabilities";

    public TrainingLayout {
        parameters = List.copyOf(parameters);
        buffers = List.copyOf(buffers);
        optimizerState = List.copyOf(optimizerState);
    }

    /** The output name of a carried tensor's new value. */
    public static String updated(String name) {
        return name + "/new";
    }

    /** The output name of a batch's estimate of a running buffer (see {@link Graphs#statistics}). */
    public static String batchEstimate(String buffer) {
        return buffer + "/batch";
    }

    /** Everything carried from one step to the next. */
    public List<String> carried() {
        List<String> all = new java.util.ArrayList<>(parameters);
        all.addAll(buffers);
        all.addAll(optimizerState);
        return all;
    }
}
