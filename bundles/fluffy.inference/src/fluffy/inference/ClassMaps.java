package fluffy.inference;

import java.util.List;

/**
 * The network's per-class probabilities for one image, stored as 16-bit fixed point (steps of 1/65535,
 * far below any threshold's meaning). Half the memory of floats matters on large images: an 8192 x 8192
 * image with three classes takes 384 MiB instead of 768.
 */
public final class ClassMaps implements PredictionModel.Outputs, fluffy.models.ClassProbabilities {

    private static final float SCALE = 65535f;

    private final int width;
    private final int height;
    private final List<String> classes;
    private final short[][] values;

    public ClassMaps(int width, int height, List<String> classes) {
        this.width = width;
        this.height = height;
        this.classes = List.copyOf(classes);
        this.values = new short[classes.size()][Math.multiplyExact(width, height)];
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public List<String> classes() {
        return classes;
    }

    @Override
    public int classCount() {
        return classes.size();
    }

    /** Probability of class {@code c} at pixel index {@code i} (row-major). */
    @Override
    public float get(int c, int i) {
        return (values[c][i] & 0xffff) / SCALE;
    }

    public void set(int c, int i, float probability) {
        float p = probability > 1 ? 1 : probability > 0 ? probability : 0; // NaN becomes 0 too
        values[c][i] = (short) Math.round(p * SCALE);
    }

    /** One class as floats. */
    public float[] channel(int c) {
        float[] out = new float[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(c, i);
        }
        return out;
    }

    /** The maps at another size, each class resampled as a plane (bilinear growing, averaged shrinking). */
    public ClassMaps resized(int newWidth, int newHeight) {
        ClassMaps out = new ClassMaps(newWidth, newHeight, classes);
        for (int c = 0; c < classes.size(); c++) {
            float[] r = fluffy.core.image.Resampling.plane(new fluffy.core.image.Plane(width, height, channel(c)),
                    newWidth, newHeight).data();
            for (int i = 0; i < r.length; i++) {
                out.set(c, i, r[i]);
            }
        }
        return out;
    }
}
