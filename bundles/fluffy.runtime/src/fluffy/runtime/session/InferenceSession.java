package fluffy.runtime.session;

import java.nio.FloatBuffer;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Runs an inference model on float32 tensors: the first input in, one output back as floats (an integer
 * output, such as a label image, is converted exactly up to 2^24). Not thread-safe.
 */
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

    /** The names of the model's inputs and outputs, in the model's order. */
    public java.util.List<String> inputNames() {
        return java.util.List.copyOf(session.getInputNames());
    }

    public java.util.List<String> outputNames() {
        return java.util.List.copyOf(session.getOutputNames());
    }

    public Prediction predict(float[] images, int n, int channels, int height, int width) throws SessionException {
        return run(images, new long[] {n, channels, height, width}, output);
    }

    /**
     * One run on a tensor of any shape.
     *
     * @param outputName the output to return (one of {@link #outputNames()})
     */
    public Prediction run(float[] data, long[] shape, String outputName) throws SessionException {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                    OrtSession.Result result = session.run(Map.of(input, x), java.util.Set.of(outputName))) {
                OnnxTensor y = (OnnxTensor) result.get(outputName).orElseThrow();
                return new Prediction(asFloats(y), y.getInfo().getShape());
            }
        } catch (OrtException e) {
            throw new SessionException("prediction failed", e);
        }
    }

    private static float[] asFloats(OnnxTensor t) throws SessionException {
        switch (t.getInfo().type) {
        case FLOAT:
            return TrainingSession.floats(t);
        case DOUBLE: {
            java.nio.DoubleBuffer b = t.getDoubleBuffer();
            float[] v = new float[b.remaining()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) b.get(i);
            }
            return v;
        }
        case UINT8:
        case INT8: {
            java.nio.ByteBuffer b = t.getByteBuffer();
            boolean unsigned = t.getInfo().type == ai.onnxruntime.OnnxJavaType.UINT8;
            float[] v = new float[b.remaining()];
            for (int i = 0; i < v.length; i++) {
                v[i] = unsigned ? b.get(i) & 0xff : b.get(i);
            }
            return v;
        }
        case INT16: {
            java.nio.ShortBuffer b = t.getShortBuffer();
            boolean unsigned = t.getInfo().onnxType
                    == ai.onnxruntime.TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16;
            float[] v = new float[b.remaining()];
            for (int i = 0; i < v.length; i++) {
                v[i] = unsigned ? b.get(i) & 0xffff : b.get(i);
            }
            return v;
        }
        case INT32: {
            java.nio.IntBuffer b = t.getIntBuffer();
            float[] v = new float[b.remaining()];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.get(i);
            }
            return v;
        }
        case INT64: {
            java.nio.LongBuffer b = t.getLongBuffer();
            float[] v = new float[b.remaining()];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.get(i);
            }
            return v;
        }
        default:
            throw new SessionException("reading the output failed",
                    new IllegalArgumentException("it is " + t.getInfo().type + ", not a number type"));
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
