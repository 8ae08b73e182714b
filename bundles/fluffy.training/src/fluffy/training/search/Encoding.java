package fluffy.training.search;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fluffy.models.Hyperparameter;

/**
 * Maps points of a hyperparameter space to and from the unit cube the Gaussian process works in.
 * <ul>
 * <li>REAL: linear; LOG_REAL: linear in the logarithm, so 1e-6..1e-5 gets as much room as 1e-2..1e-1.</li>
 * <li>INTEGER and FLAG (an integer 0..1): each value owns an equal slice of [0, 1] and is encoded at the
 * slice's centre, so uniform sampling in the cube gives every value the same chance.</li>
 * <li>CHOICE: one coordinate per choice (one-hot), decoded by the largest. Choices such as optimizers
 * have no order; an ordinal code would tell the GP that the first and third are further apart than the
 * first and second.</li>
 * </ul>
 * {@link #snap} rounds any cube point to the code of the point it decodes to. The search evaluates the
 * GP only at snapped points, so it never credits a value between two integers or a "half Adam".
 */
final class Encoding {

    private final List<Hyperparameter> space;
    private final int[] offsets;
    private final int dimensions;

    Encoding(List<Hyperparameter> space) {
        this.space = List.copyOf(space);
        this.offsets = new int[space.size()];
        var names = new HashSet<String>();
        int d = 0;
        for (int i = 0; i < space.size(); i++) {
            Hyperparameter h = space.get(i);
            if (!names.add(h.name())) {
                throw new IllegalArgumentException("hyperparameter '" + h.name() + "' appears twice in the space");
            }
            offsets[i] = d;
            d += h.kind() == Hyperparameter.Kind.CHOICE ? h.choices().size() : 1;
        }
        this.dimensions = d;
    }

    /** The number of cube coordinates (greater than the number of hyperparameters when there are choices). */
    int dimensions() {
        return dimensions;
    }

    List<Hyperparameter> space() {
        return space;
    }

    /** @throws IllegalArgumentException when a value is missing, illegal or not in the space */
    double[] encode(Map<String, ?> point) {
        for (String name : point.keySet()) {
            if (space.stream().noneMatch(h -> h.name().equals(name))) {
                throw new IllegalArgumentException("'" + name + "' is not a hyperparameter of the search space");
            }
        }
        double[] x = new double[dimensions];
        for (int i = 0; i < space.size(); i++) {
            Hyperparameter h = space.get(i);
            Object v = point.get(h.name());
            if (v == null) {
                throw new IllegalArgumentException("the point has no value for '" + h.name() + "'");
            }
            h.check(v);
            int o = offsets[i];
            switch (h.kind()) {
                case REAL -> x[o] = h.max() == h.min() ? 0.5 : (((Number) v).doubleValue() - h.min()) / (h.max() - h.min());
                case LOG_REAL -> x[o] = h.max() == h.min() ? 0.5
                        : Math.log(((Number) v).doubleValue() / h.min()) / Math.log(h.max() / h.min());
                case INTEGER -> x[o] = slice((Integer) v, (int) h.min(), (int) h.max());
                case FLAG -> x[o] = slice((Boolean) v ? 1 : 0, 0, 1);
                case CHOICE -> x[o + h.choices().indexOf(v)] = 1;
            }
        }
        return x;
    }

    /** The point a cube position stands for; coordinates outside [0, 1] are clamped. */
    Map<String, Object> decode(double[] x) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < space.size(); i++) {
            Hyperparameter h = space.get(i);
            double u = clamp(x[offsets[i]]);
            Object v = switch (h.kind()) {
                case REAL -> clamp(h.min() + u * (h.max() - h.min()), h);
                // exp(log) can land a rounding error outside the range, which check() would refuse.
                case LOG_REAL -> clamp(h.min() * Math.exp(u * Math.log(h.max() / h.min())), h);
                case INTEGER -> unslice(u, (int) h.min(), (int) h.max());
                case FLAG -> unslice(u, 0, 1) == 1;
                case CHOICE -> h.choices().get(argmax(x, offsets[i], h.choices().size()));
            };
            point.put(h.name(), v);
        }
        return Collections.unmodifiableMap(point);
    }

    double[] snap(double[] x) {
        return encode(decode(x));
    }

    /** The defaults, with real values as doubles whatever number type the model type declared them with. */
    Map<String, Object> defaults() {
        Map<String, Object> point = new LinkedHashMap<>();
        for (Hyperparameter h : space) {
            Object v = h.defaultValue();
            boolean real = h.kind() == Hyperparameter.Kind.REAL || h.kind() == Hyperparameter.Kind.LOG_REAL;
            point.put(h.name(), real ? (Object) ((Number) v).doubleValue() : v);
        }
        return Collections.unmodifiableMap(point);
    }

    /** A uniformly random cube point (uniform over integers and choices too, see the class comment). */
    double[] random(Random random) {
        double[] x = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            x[d] = random.nextDouble();
        }
        return x;
    }

    private static double slice(int value, int min, int max) {
        return (value - min + 0.5) / (max - min + 1);
    }

    private static int unslice(double u, int min, int max) {
        return Math.min(max, min + (int) Math.floor(u * (max - min + 1)));
    }

    private static int argmax(double[] x, int from, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (x[from + k] > x[from + best]) {
                best = k;
            }
        }
        return best;
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }

    private static double clamp(double v, Hyperparameter h) {
        return Math.max(h.min(), Math.min(h.max(), v));
    }
}
