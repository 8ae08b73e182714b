package fluffy.runtime.session;

/** A network's output for a batch: NCHW float32 values with their shape. */
public record Prediction(float[] values, long[] shape) {

    /** Values of one image of the batch, [channels, height, width]. */
    public float[] image(int index) {
        int per = (int) (shape[1] * shape[2] * shape[3]);
        float[] out = new float[per];
        System.arraycopy(values, index * per, out, 0, per);
        return out;
    }
}
