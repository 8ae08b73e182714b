package fluffy.core.morphology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

import fluffy.core.labels.LabelMap;

/**
 * Objects from the class probabilities of a background / object / border network, the way the
 * categorical U-Net is meant to be read: seeds where the network is sure of the object class (the border
 * band around each object keeps touching objects' seeds apart), seeds cut where they narrow to a neck
 * (two touching nuclei whose border the network only half drew), then a seeded watershed that floods the
 * foreground on the object probability. Training's validation and prediction both use it, so the score a
 * run reports is the score its predictions get.
 *
 * <p>Memory beyond the label map is one bit per pixel and per-seed boxes, so it serves very large images.
 */
public final class BorderInstances {

    /** Watershed levels: object probability quantised to 1/256, finer than the network is sure of. */
    private static final int LEVELS = 256;

    /** Read access to a pixel's class probabilities, without asking for whole-image arrays. */
    public interface Probabilities {
        float background(int pixel);

        float object(int pixel);
    }

    /**
     * @param seedThreshold       object probability a seed pixel needs
     * @param foregroundThreshold pixels whose background probability is below this belong to some object
     * @param neckFraction        a seed is cut where its distance to its edge is at most this fraction of
     *                            its largest such distance (0: never cut)
     * @param minSeedArea         seeds (after cutting) with fewer pixels are noise and dropped
     */
    public record Settings(double seedThreshold, double foregroundThreshold, double neckFraction, int minSeedArea) {

        /** The names these settings have as a model type's hyperparameters. */
        public static final String SEED_THRESHOLD = "seed_threshold";
        public static final String FOREGROUND_THRESHOLD = "foreground_threshold";
        public static final String NECK_FRACTION = "neck_fraction";
        public static final String MIN_SEED_AREA = "min_seed_area";

        /**
         * Chosen on the 80 training images of the seeded dsb2018-fluo split with a trained model (object
         * F1 at IoU 0.5 from 0.861 with object-wins seeds, foreground below 0.5 and no cutting, to 0.896).
         */
        public static final Settings DEFAULT = new Settings(0.8, 0.3, 0.4, 8);

        /** Settings by hyperparameter name; {@code lookup} gets each name with its default and answers. */
        public static Settings from(ToDoubleBiFunction<String, Double> lookup) {
            return new Settings(lookup.applyAsDouble(SEED_THRESHOLD, DEFAULT.seedThreshold),
                    lookup.applyAsDouble(FOREGROUND_THRESHOLD, DEFAULT.foregroundThreshold),
                    lookup.applyAsDouble(NECK_FRACTION, DEFAULT.neckFraction),
                    (int) Math.round(lookup.applyAsDouble(MIN_SEED_AREA, (double) DEFAULT.minSeedArea)));
        }

        /** These settings by hyperparameter name, the inverse of {@link #from}. */
        public Map<String, Object> asHyperparameters() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(SEED_THRESHOLD, seedThreshold);
            values.put(FOREGROUND_THRESHOLD, foregroundThreshold);
            values.put(NECK_FRACTION, neckFraction);
            values.put(MIN_SEED_AREA, minSeedArea);
            return values;
        }
    }

    private BorderInstances() {
    }

    /** Objects labelled 1..n (not renumbered after the watershed; every seed keeps at least its own pixels). */
    public static LabelMap objects(int width, int height, Probabilities p, Settings settings) {
        int n = width * height;
        boolean[] seedMask = new boolean[n];
        for (int i = 0; i < n; i++) {
            seedMask[i] = p.object(i) > settings.seedThreshold();
        }
        if (settings.neckFraction() > 0) {
            cutNecks(Components.label(seedMask, width, height), seedMask, settings.neckFraction());
        }
        LabelMap seeds = Components.label(seedMask, width, height);
        seedMask = null; // large images: let it go before the flood
        if (settings.minSeedArea() > 1) {
            LabelCleanup.removeSmall(seeds, settings.minSeedArea());
        }
        float foreground = (float) settings.foregroundThreshold();
        Watershed.flood(seeds, i -> p.background(i) < foreground,
                i -> (int) ((1 - p.object(i)) * (LEVELS - 1) + 0.5f), LEVELS);
        return seeds;
    }

    /**
     * Clears from {@code mask} the pixels of each seed whose distance to the seed's edge is at most
     * {@code fraction} of the seed's largest: a convex seed only shrinks, two seeds joined by a neck part.
     */
    static void cutNecks(LabelMap seeds, boolean[] mask, double fraction) {
        int[] l = seeds.labels();
        int w = seeds.width();
        for (ObjectBox box : ObjectBox.of(seeds, 1)) {
            int bw = box.width();
            int bh = box.height();
            boolean[] inside = new boolean[bw * bh];
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    inside[y * bw + x] = l[(box.y0() + y) * w + box.x0() + x] == box.label();
                }
            }
            double[] d = DistanceTransform.squaredToOutside(inside, bw, bh);
            double max = 0;
            for (int i = 0; i < d.length; i++) {
                if (inside[i] && d[i] < DistanceTransform.FAR) {
                    max = Math.max(max, d[i]);
                }
            }
            double cut = fraction * fraction * max;
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    int i = y * bw + x;
                    if (inside[i] && d[i] <= cut) {
                        mask[(box.y0() + y) * w + box.x0() + x] = false;
                    }
                }
            }
        }
    }
}
