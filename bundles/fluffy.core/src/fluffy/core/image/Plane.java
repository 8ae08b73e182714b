package fluffy.core.image;

import java.util.Arrays;

/**
 * One 2D single-channel image with float samples in row-major order: the common currency between
 * readers, training, prediction and display. Values keep their original scale (a uint16 image holds
 * 0..65535); normalisation is the model's business.
 */
public record Plane(int width, int height, float[] data) {

    public Plane {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("plane size must be positive, got " + width + " x " + height);
        }
        if (data.length != (long) width * height) {
            throw new IllegalArgumentException("plane of " + width + " x " + height + " needs " + (long) width * height
                    + " samples, got " + data.length);
        }
    }

    public static Plane zeros(int width, int height) {
        return new Plane(width, height, new float[Math.multiplyExact(width, height)]);
    }

    public float get(int x, int y) {
        return data[y * width + x];
    }

    public void set(int x, int y, float value) {
        data[y * width + x] = value;
    }

    /** Smallest and largest sample. */
    public float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plane p && p.width == width && p.height == height && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Plane[" + width + " x " + height + "]";
    }
}
