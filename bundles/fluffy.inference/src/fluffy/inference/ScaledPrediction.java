package fluffy.inference;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Plane;
import fluffy.core.image.Resampling;
import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ObjectSizes;
import fluffy.runtime.session.SessionException;

/**
 * Predicts one plane at the model's scale. The network only knows objects about the size of its training
 * data's (within the zoom of its augmentation); an image from another magnification is rescaled so that
 * its objects get that size, predicted and post-processed there (the instance settings are in the model's
 * pixels), and its label map brought back to the image's size. With {@link ObjectScale#AUTO} a first pass
 * at the image's own scale measures the objects' median diameter; when it is within {@link #TOLERANCE} of
 * the model's, that pass is the result, else the image is predicted again at the measured scale (and once
 * more if the second pass's objects still disagree). A first pass whose objects look small is checked at
 * half the scale first: objects far too large for the network come out of it as many small fragments.
 */
public final class ScaledPrediction {

    /** A ratio of diameters within this (either way) is what the network handles by itself. */
    public static final double TOLERANCE = 1.4;
    /** Rescaling is limited to 1/4x to 4x: beyond, the image says too little about its objects. */
    static final double MAX_FACTOR = 4;
    /** The scale of the pass that tells small objects from fragments of large ones. */
    static final double PROBE_FACTOR = 0.5;
    /** Objects this much larger at {@link #PROBE_FACTOR} than at full scale were fragments there. */
    static final double FRAGMENTS = 2;
    /** Fewer objects than this measure no size. */
    static final int MIN_OBJECTS = 3;

    /**
     * @param maps     the class probabilities at the image's size, or null when not kept
     * @param factor   the scale the image was predicted at (1: as it is)
     * @param measured the median object diameter measured in the image (pixels), NaN when not measured
     */
    public record Result(LabelMap labels, ClassMaps maps, double factor, double measured) {

        /** How the image was rescaled, for its log line: empty when it was predicted as it is. */
        public String describe() {
            if (factor == 1) {
                return "";
            }
            String m = Double.isNaN(measured) ? "" : String.format(Locale.ROOT, ", objects ~%.0f px", measured);
            return String.format(Locale.ROOT, "predicted at %.2fx", factor) + m;
        }
    }

    private ScaledPrediction() {
    }

    public static Result predict(Predictor predictor, PostProcessing post, ObjectScale scale, Plane plane,
            boolean keepMaps, IProgressMonitor monitor) throws SessionException {
        return predict(predictor, post, scale, List.of(plane), keepMaps, monitor);
    }

    /** @param plane one plane per channel the model takes */
    public static Result predict(Predictor predictor, PostProcessing post, ObjectScale scale, List<Plane> plane,
            boolean keepMaps, IProgressMonitor monitor) throws SessionException {
        SubMonitor progress = SubMonitor.convert(monitor, 4);
        double reference = predictor.model().objectDiameter();
        if (Double.isNaN(reference) || scale.equals(ObjectScale.NATIVE)) {
            return at(predictor, post, plane, 1, keepMaps, progress.split(3));
        }
        if (scale.givenDiameter()) {
            return at(predictor, post, plane, factor(reference / scale.diameter()), keepMaps, progress.split(3));
        }
        Result result = at(predictor, post, plane, 1, keepMaps, progress.split(1));
        double first = diameter(result.labels());
        if (Double.isFinite(first) && reference / first > TOLERANCE) {
            // Objects that look small are small objects, or fragments of objects far too large for the
            // network (it sees their texture): at half the scale, the second kind shows whole and much
            // larger, and the search goes on from there instead of enlarging the fragments.
            Result probe = at(predictor, post, plane, PROBE_FACTOR, keepMaps, progress.split(1));
            double seen = diameter(probe.labels());
            if (Double.isFinite(seen) && seen > FRAGMENTS * first) {
                result = probe;
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            // The objects found at this pass's scale, in the image's pixels.
            double measured = diameter(result.labels());
            result = new Result(result.labels(), result.maps(), result.factor(), measured);
            if (Double.isNaN(measured)) {
                break;
            }
            double wanted = factor(reference / measured);
            double ratio = wanted / result.factor();
            if (ratio < TOLERANCE && ratio > 1 / TOLERANCE) {
                break;
            }
            Result next = at(predictor, post, plane, wanted, keepMaps, progress.split(1));
            result = new Result(next.labels(), next.maps(), next.factor(), measured);
        }
        return result;
    }

    static double factor(double f) {
        return Math.max(1 / MAX_FACTOR, Math.min(MAX_FACTOR, f));
    }

    /** The median object diameter of a label map, NaN when it has too few objects to tell. */
    static double diameter(LabelMap labels) {
        return labels.objectCount() < MIN_OBJECTS ? Double.NaN : ObjectSizes.medianDiameter(List.of(labels));
    }

    private static Result at(Predictor predictor, PostProcessing post, List<Plane> plane, double factor,
            boolean keepMaps, IProgressMonitor monitor) throws SessionException {
        int w = plane.get(0).width();
        int h = plane.get(0).height();
        int sw = Resampling.scaled(w, factor);
        int sh = Resampling.scaled(h, factor);
        if (factor == 1 || (sw == w && sh == h)) {
            PredictionModel.Segmented s = predictor.segment(plane, post, keepMaps, monitor);
            return new Result(s.labels(), s.maps(), 1, Double.NaN);
        }
        long start = System.nanoTime();
        List<Plane> scaled = plane.stream().map(p -> Resampling.plane(p, sw, sh)).toList();
        predictor.times().add(StageTimes.Stage.RESCALE, start);
        PredictionModel.Segmented s = predictor.segment(scaled, post, keepMaps, monitor);
        start = System.nanoTime();
        LabelMap labels = Resampling.labels(s.labels(), w, h);
        // Nearest-neighbour shrinking can drop an object smaller than a pixel of the result: renumber 1..n.
        fluffy.core.morphology.LabelCleanup.renumber(labels);
        Result result = new Result(labels, s.maps() == null ? null : s.maps().resized(w, h), sw / (double) w, Double.NaN);
        predictor.times().add(StageTimes.Stage.RESCALE, start);
        return result;
    }
}
