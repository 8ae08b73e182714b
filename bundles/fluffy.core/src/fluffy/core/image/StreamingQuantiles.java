package fluffy.core.image;

/**
 * Quantiles of an image seen a band at a time, for images too large to hold: exact (as
 * {@link Normalization#percentile} on the whole image) when every sample is an integer of 16 bits or fewer,
 * as microscope images are, from a histogram; otherwise from a regular sample of about four million values.
 */
public final class StreamingQuantiles {

    private static final int MIN = -32768;
    private static final int MAX = 65535;
    private static final int SAMPLE = 1 << 22;

    private final long total;
    private final long[] histogram = new long[MAX - MIN + 1];
    private final long stride;
    private final float[] sample;
    private boolean integers = true;
    private long seen;
    private int sampled;

    /** @param total how many samples will be added in all */
    public StreamingQuantiles(long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("no samples: " + total);
        }
        this.total = total;
        this.stride = Math.max(1, (total + SAMPLE - 1) / SAMPLE);
        this.sample = new float[(int) Math.min(SAMPLE, (total + stride - 1) / stride)];
    }

    public void add(float[] values, int from, int count) {
        for (int i = from; i < from + count; i++) {
            float v = values[i];
            if (integers) {
                int k = (int) v;
                if (k == v && k >= MIN && k <= MAX) {
                    histogram[k - MIN]++;
                } else {
                    integers = false;
                }
            }
            if (seen % stride == 0 && sampled < sample.length) {
                sample[sampled++] = v;
            }
            seen++;
        }
    }

    /** Whether the quantiles are exact (every sample was a 16-bit integer). */
    public boolean exact() {
        return integers && seen == total;
    }

    /** The {@code q} (0..1) quantile, interpolated between order statistics as numpy's default. */
    public double quantile(double q) {
        if (seen != total) {
            throw new IllegalStateException(seen + " of " + total + " samples added");
        }
        if (!integers) {
            float[] copy = java.util.Arrays.copyOf(sample, sampled);
            return Normalization.percentile(copy, 100 * q);
        }
        double position = q * (total - 1);
        long below = (long) Math.floor(position);
        long above = Math.min(total - 1, below + 1);
        double a = rank(below);
        double b = rank(above);
        return a + (b - a) * (position - below);
    }

    /** The value of order statistic {@code r} (0-based) from the histogram. */
    private double rank(long r) {
        long cumulative = 0;
        for (int k = 0; k < histogram.length; k++) {
            cumulative += histogram[k];
            if (cumulative > r) {
                return k + MIN;
            }
        }
        return MAX;
    }
}
