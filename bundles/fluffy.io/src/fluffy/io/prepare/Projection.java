package fluffy.io.prepare;

import java.util.Locale;

import fluffy.core.image.Plane;

/**
 * How the slices of a z-stack become one plane. The original Fluffy promised a maximum projection but
 * took the middle slice; here {@link #MAX} is a real maximum. Sums are accumulated in doubles so that
 * hundreds of 16-bit slices add up exactly.
 */
public enum Projection {
    MAX, MEAN, SUM;

    /** Parses {@code max}, {@code mean} or {@code sum} (case ignored). */
    public static Projection parse(String name) {
        for (Projection p : values()) {
            if (p.name().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown projection '" + name + "'; use max, mean or sum");
    }

    /** Whether the result keeps the pixel type of the slices (a maximum does; sums and means need floats). */
    public boolean keepsPixelType() {
        return this == MAX;
    }

    /** Starts a projection of planes of the given size; add every slice, then take the result. */
    public Accumulator start(int width, int height) {
        return new Accumulator(this, width, height);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Adds slices one at a time, so a stack is never held in memory whole. */
    public static final class Accumulator {
        private final Projection projection;
        private final int width;
        private final int height;
        private final double[] values;
        private int slices;

        private Accumulator(Projection projection, int width, int height) {
            this.projection = projection;
            this.width = width;
            this.height = height;
            this.values = new double[Math.multiplyExact(width, height)];
        }

        public void add(Plane slice) {
            if (slice.width() != width || slice.height() != height) {
                throw new IllegalArgumentException("slice of " + slice.width() + " x " + slice.height()
                        + " in a projection of " + width + " x " + height);
            }
            float[] data = slice.data();
            for (int i = 0; i < values.length; i++) {
                values[i] = projection == MAX ? (slices == 0 ? data[i] : Math.max(values[i], data[i]))
                        : values[i] + data[i];
            }
            slices++;
        }

        public Plane result() {
            if (slices == 0) {
                throw new IllegalStateException("no slice was added to the projection");
            }
            float[] out = new float[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (projection == MEAN ? values[i] / slices : values[i]);
            }
            return new Plane(width, height, out);
        }
    }
}
