package fluffy.ui.widgets;

import java.util.Arrays;

import ij.process.ImageProcessor;

/** Display ranges for grey images. */
public final class DisplayRange {

    /** Quantiles are taken from at most this many pixels; plenty for a display range. */
    private static final int MAX_SAMPLES = 1 << 20;

    private DisplayRange() {
    }

    /**
     * The [low, high] pixel values between which all but {@code saturated} of the pixels lie at each
     * end. Exact quantiles of a regular sample rather than a histogram, so one extreme outlier cannot
     * squeeze every other pixel into a single bin. Falls back to min–max, then to [v, v + 1] for a flat
     * image, so that low &lt; high always holds.
     */
    public static double[] stretched(ImageProcessor ip, double saturated) {
        int n = ip.getPixelCount();
        int step = Math.max(1, n / MAX_SAMPLES);
        float[] sample = new float[(n + step - 1) / step];
        for (int i = 0, k = 0; i < n; i += step, k++) {
            sample[k] = ip.getf(i);
        }
        Arrays.sort(sample);
        int last = sample.length - 1;
        double low = sample[(int) Math.floor(saturated * last)];
        double high = sample[(int) Math.ceil((1 - saturated) * last)];
        if (high <= low) {
            low = sample[0];
            high = sample[last];
        }
        return high > low ? new double[] {low, high} : new double[] {low, low + 1};
    }
}
