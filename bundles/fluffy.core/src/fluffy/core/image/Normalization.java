package fluffy.core.image;

import java.util.Locale;

/**
 * Maps raw intensities to the network's input range independently of bit depth: the {@code low} and
 * {@code high} percentiles of an image become 0 and 1 (values beyond are kept, not clipped). Stored in a
 * model's metadata so prediction normalises exactly as training did.
 */
public record Normalization(double lowPercentile, double highPercentile) {

    public static final Normalization DEFAULT = new Normalization(1, 99.8);

    public Normalization {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, got " + lowPercentile
                    + " and " + highPercentile);
        }
    }

    /** The linear map {@code (v - offset) * scale} that one image's percentiles define. */
    public record Scaling(double offset, double scale) {

        public float apply(float value) {
            return (float) ((value - offset) * scale);
        }
    }

    /** The image scaled so its percentiles land on 0 and 1. */
    public float[] apply(Plane plane) {
        Scaling s = scaling(plane.data());
        float[] data = plane.data();
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = s.apply(data[i]);
        }
        return out;
    }

    /**
     * The scaling of these samples, without copying them: prediction applies it tile by tile to images
     * too large to hold twice.
     */
    public Scaling scaling(float[] data) {
        return scaling(quantile(data, lowPercentile / 100), quantile(data, highPercentile / 100));
    }

    /** The scaling of an image seen a band at a time, from its quantiles. */
    public Scaling scaling(StreamingQuantiles quantiles) {
        return scaling(quantiles.quantile(lowPercentile / 100), quantiles.quantile(highPercentile / 100));
    }

    private static Scaling scaling(double lo, double hi) {
        return new Scaling(lo, hi - lo > 1e-12 ? 1 / (hi - lo) : 1);
    }

    /**
     * The {@code percent} (0..100) percentile of the samples, interpolated linearly between the order statistics
     * around it as numpy's default; the samples are not changed.
     */
    public static double percentile(float[] data, double percent) {
        return quantile(data, percent / 100);
    }

    /** Linear interpolation between the order statistics around {@code q}, as numpy's default. */
    private static double quantile(float[] data, double q) {
        double position = q * (data.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(data.length - 1, below + 1);
        float a = OrderStatistics.select(data, below);
        float b = above == below ? a : OrderStatistics.select(data, above);
        return a + (b - a) * (position - below);
    }

    /** How it is written into model metadata, e.g. {@code percentile 1.0 99.8}. */
    public String encode() {
        return String.format(Locale.ROOT, "percentile %s %s", lowPercentile, highPercentile);
    }

    public static Normalization decode(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 3 || !parts[0].equals("percentile")) {
            throw new IllegalArgumentException("unknown normalisation '" + text + "'");
        }
        return new Normalization(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }
}
