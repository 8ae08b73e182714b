package fluffy.inference;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a prediction's time goes: wall time summed per stage over every image a {@link Predictor} served,
 * and the pixels the network saw (more than the images' own when a scale search predicts an image twice).
 * {@code fluffy predict --verbose} prints it; the stages are timed on the thread that runs them.
 */
public final class StageTimes {

    /** The steps of one image's prediction, in order. */
    public enum Stage {
        /** decoding the file into planes */
        READ("read"),
        /** resampling to and from the scale the objects are predicted at */
        RESCALE("rescale"),
        /** percentiles and the normalised copy the network reads */
        NORMALISE("normalise"),
        /** copying tiles in and keeping their centres */
        TILES("tiles"),
        /** ONNX Runtime's run of the network */
        NETWORK("network"),
        /** class maps to objects (seeds, watershed, clean-up) */
        INSTANCES("instances"),
        /** label map, overlays, ROIs and tables written and moved into place */
        OUTPUTS("outputs");

        private final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    private final Map<Stage, Long> nanos = new EnumMap<>(Stage.class);
    private long networkPixels;

    /** Adds the time since {@code startNanos} ({@link System#nanoTime}) to a stage. */
    public synchronized void add(Stage stage, long startNanos) {
        nanos.merge(stage, System.nanoTime() - startNanos, Long::sum);
    }

    /** Counts pixels of an image the network predicted (at the scale predicted, tile overlap not counted). */
    public synchronized void networkPixels(long pixels) {
        networkPixels += pixels;
    }

    public synchronized double seconds(Stage stage) {
        return nanos.getOrDefault(stage, 0L) / 1e9;
    }

    public synchronized long networkPixels() {
        return networkPixels;
    }

    /**
     * e.g. {@code read 0.2 s (1%) · ... · network 20.3 s (76%) · ...; the network ran at 1.47 megapixels/s
     * over 1.77x the images' pixels}.
     *
     * @param imagePixels the pixels of the images predicted, once each
     */
    public synchronized String describe(long imagePixels) {
        double total = 0;
        for (long n : nanos.values()) {
            total += n / 1e9;
        }
        StringBuilder s = new StringBuilder();
        for (Stage stage : Stage.values()) {
            double sec = seconds(stage);
            if (s.length() > 0) {
                s.append(" · ");
            }
            s.append(String.format(Locale.ROOT, "%s %.1f s (%.0f%%)", stage.label, sec, total > 0 ? 100 * sec / total : 0));
        }
        double network = seconds(Stage.NETWORK);
        if (network > 0) {
            s.append(String.format(Locale.ROOT, "; the network ran at %.2f megapixels/s", networkPixels / 1e6 / network));
        }
        if (imagePixels > 0) {
            s.append(String.format(Locale.ROOT, " over %.2fx the images' pixels", networkPixels / (double) imagePixels));
        }
        return s.toString();
    }
}
