package fluffy.inference.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import fluffy.core.labels.LabelMap;

/**
 * How much the model doubts each object it found, from its own probabilities, so a user reviews the doubtful
 * objects first. Three signs, each 0 (sure) to 1 (doubtful), averaged:
 * <ul>
 * <li><b>foreground</b>: one minus the object's mean foreground probability (a faint or half-believed object);</li>
 * <li><b>seed</b>: one minus the object's highest object probability (a seed that barely made it, typical of
 * two nuclei the network did not separate, or of debris);</li>
 * <li><b>size</b>: how far its area is from the image's median object area, |ln(area / median)| / ln 4,
 * capped at 1 (a quarter or four times the median counts fully: merged pairs, fragments).</li>
 * </ul>
 * Without probabilities (a label map from elsewhere) only the size sign is known.
 */
public final class ObjectDoubts {

    /** One object's doubt, its signs, and the reason to name first. */
    public record Doubt(int label, double score, double foreground, double seed, double size) {

        /** The strongest sign in words, e.g. {@code faint}, for a status line. */
        public String reason() {
            double max = Math.max(foreground, Math.max(seed, size));
            if (max < 0.2) {
                return "sure";
            }
            return max == size ? "unusual size" : max == seed ? "weak seed" : "faint";
        }

        public String describe() {
            return String.format(Locale.ROOT, "doubt %.2f (%s)", score, reason());
        }
    }

    private ObjectDoubts() {
    }

    /**
     * @param foreground per pixel the foreground probability (row-major), or null when unknown
     * @param object     per pixel the object (seed) probability, or null when unknown
     * @return one per object of {@code labels}, most doubtful first
     */
    public static List<Doubt> of(LabelMap labels, float[] foreground, float[] object) {
        int n = labels.maxLabel() + 1;
        long[] area = new long[n];
        double[] sumForeground = new double[n];
        float[] maxObject = new float[n];
        int[] l = labels.labels();
        for (int i = 0; i < l.length; i++) {
            int k = l[i];
            if (k > 0) {
                area[k]++;
                if (foreground != null) {
                    sumForeground[k] += foreground[i];
                }
                if (object != null) {
                    maxObject[k] = Math.max(maxObject[k], object[i]);
                }
            }
        }
        double median = median(area);
        List<Doubt> doubts = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            if (area[k] == 0) {
                continue;
            }
            double size = median > 0 ? Math.min(1, Math.abs(Math.log(area[k] / median)) / Math.log(4)) : 0;
            double fg = foreground == null ? Double.NaN : clamp(1 - sumForeground[k] / area[k]);
            double seed = object == null ? Double.NaN : clamp(1 - maxObject[k]);
            double sum = size;
            int signs = 1;
            if (!Double.isNaN(fg)) {
                sum += fg;
                signs++;
            }
            if (!Double.isNaN(seed)) {
                sum += seed;
                signs++;
            }
            doubts.add(new Doubt(k, sum / signs, Double.isNaN(fg) ? 0 : fg, Double.isNaN(seed) ? 0 : seed, size));
        }
        doubts.sort(Comparator.comparingDouble(Doubt::score).reversed().thenComparingInt(Doubt::label));
        return doubts;
    }

    private static double median(long[] area) {
        long[] present = java.util.Arrays.stream(area, 1, area.length).filter(a -> a > 0).sorted().toArray();
        if (present.length == 0) {
            return 0;
        }
        int m = present.length / 2;
        return present.length % 2 == 1 ? present[m] : (present[m - 1] + present[m]) / 2.0;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
