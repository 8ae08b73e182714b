package fluffy.training.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Finds a cube point with a high acquisition value: many random points first (EI is multimodal and
 * flat between trials, so a global look matters more than precision), then a stochastic local search
 * from the best few and from the incumbent, with a step that halves after repeated failures. Every
 * point is snapped before it is scored; points already tried or pending are skipped, because asking
 * for a trial that was run adds nothing when the space still has untried points.
 */
final class AcquisitionMaximiser {

    private static final int STARTS = 5;
    private static final int LOCAL_STEPS = 60;
    private static final int FAILURES_BEFORE_HALVING = 8;
    private static final double FIRST_STEP = 0.1;

    private record Scored(double[] x, double value) {
    }

    private AcquisitionMaximiser() {
    }

    /**
     * @param incumbent the cube point of the best trial so far, a start for local search; null if none
     * @param taken     points not to propose again; when every point seen is taken, the best is returned anyway
     */
    static double[] maximise(Encoding encoding, ToDoubleFunction<double[]> acquisition, Random random,
            int candidates, double[] incumbent, Predicate<double[]> taken) {
        List<Scored> sampled = new ArrayList<>(candidates);
        Scored bestOverall = null;
        for (int i = 0; i < candidates; i++) {
            double[] x = encoding.snap(encoding.random(random));
            Scored s = new Scored(x, acquisition.applyAsDouble(x));
            bestOverall = better(bestOverall, s);
            if (!taken.test(x)) {
                sampled.add(s);
            }
        }
        sampled.sort(Comparator.comparingDouble(Scored::value).reversed());
        List<Scored> starts = new ArrayList<>(sampled.subList(0, Math.min(STARTS, sampled.size())));
        if (incumbent != null) {
            // Scored as -inf so that any untaken neighbour replaces it.
            starts.add(new Scored(incumbent, Double.NEGATIVE_INFINITY));
        }
        Scored best = sampled.isEmpty() ? null : sampled.get(0);
        for (Scored start : starts) {
            best = better(best, refine(encoding, acquisition, random, start, taken));
        }
        return (best != null ? best : bestOverall).x();
    }

    private static Scored refine(Encoding encoding, ToDoubleFunction<double[]> acquisition, Random random, Scored start,
            Predicate<double[]> taken) {
        Scored current = start;
        double step = FIRST_STEP;
        int failures = 0;
        for (int i = 0; i < LOCAL_STEPS; i++) {
            double[] y = current.x().clone();
            for (int d = 0; d < y.length; d++) {
                y[d] = Math.max(0, Math.min(1, y[d] + step * random.nextGaussian()));
            }
            y = encoding.snap(y);
            double value = taken.test(y) ? Double.NEGATIVE_INFINITY : acquisition.applyAsDouble(y);
            if (value > current.value()) {
                current = new Scored(y, value);
                failures = 0;
            } else if (++failures >= FAILURES_BEFORE_HALVING) {
                step /= 2;
                failures = 0;
            }
        }
        return current.value() == Double.NEGATIVE_INFINITY ? null : current;
    }

    private static Scored better(Scored a, Scored b) {
        if (a == null) {
            return b;
        }
        return b != null && b.value() > a.value() ? b : a;
    }
}
