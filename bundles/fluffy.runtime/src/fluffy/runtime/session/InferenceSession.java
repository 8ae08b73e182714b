package fluffy.runtime.session;

import java.nio.FloatBuffer;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Runs an exported model (image in, one output) on batches of NCHW float32 images. Not thread-safe. */
public final class InferenceSession implements AutoCloseable {

    private final OrtSession session;
    private final String input;
    private final String output;

    public InferenceSession(byte[] model, SessionSettings settings) throws SessionException {
        try {
            this.session = Sessions.create(model, settings);
            this.input = session.getInputNames().iterator().next();
            this.output = session.getOutputNames().iterator().next();
        } catch (OrtException e) {
            throw new SessionException("creating the session failed", e);
        }
    }

    /** The model's {@code metadata_props}. */
    public Map<String, String> metadata() throws SessionException {
        try {
            return session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            throw new SessionException("reading model metadata failed", e);
        }
    }

    public Prediction predict(float[] images, int n, int channels, int height, int width) throws SessionException {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(images),
                    new long[] {n, channels, height, width}); OrtSession.Result result = session.run(Map.of(input, x))) {
                OnnxTensor y = (OnnxTensor) result.get(output).orElseThrow();
                return new Prediction(TrainingSession.floats(y), y.getInfo().getShape());
            }
        } catch (OrtException e) {
            throw new SessionException("prediction failed", e);
        }
    }

    @Override
    public void close() throws SessionException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new SessionException("closing the session failed", e);
        }
    }
}
