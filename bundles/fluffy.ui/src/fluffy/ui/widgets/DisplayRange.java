package fluffy.ui.widgets;

import ij.process.ImageProcessor;
import ij.process.ImageStatistics;

/** Display ranges for grey images. */
public final class DisplayRange {

    private static final int BINS = 4096;

    private DisplayRange() {
    }

    /**
     * The [low, high] pixel values between which all but {@code saturated} of the pixels lie at each
     * end. Falls back to the full min–max range when that would collapse to a single value.
     */
    public static double[] stretched(ImageProcessor ip, double saturated) {
        ImageStatistics stats = ImageStatistics.getStatistics(ip, ImageStatistics.MIN_MAX, null);
        double min = stats.min;
        double max = stats.max;
        if (!(max > min)) {
            return new double[] {min, min + 1};
        }
        long[] histogram = new long[BINS];
        double scale = (BINS - 1) / (max - min);
        int w = ip.getWidth();
        int h = ip.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                histogram[(int) ((ip.getPixelValue(x, y) - min) * scale)]++;
            }
        }
        long cut = (long) (saturated * w * h);
        int low = 0;
        for (long seen = histogram[0]; seen <= cut && low < BINS - 1; seen += histogram[++low]) {
            // advance until more than `cut` pixels lie at or below bin `low`
        }
        int high = BINS - 1;
        for (long seen = histogram[BINS - 1]; seen <= cut && high > 0; seen += histogram[--high]) {
            // same from the top
        }
        if (high <= low) {
            return new double[] {min, max};
        }
        return new double[] {min + low / scale, min + high / scale};
    }
}
