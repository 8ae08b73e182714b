package fluffy.inference.bioimageio;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fluffy.core.image.Normalization;

/**
 * One pre- or post-processing step of a bioimage.io tensor description (formats 0.4 and 0.5), applied to a
 * whole image in place. Statistics ({@code scale_range}'s percentiles, {@code zero_mean_unit_variance}'s
 * mean and standard deviation) are those of the image being predicted (per sample), over all its channels
 * when the step's {@code axes} include the channel axis, else per channel; a step that needs the
 * statistics of a training dataset ({@code mode: per_dataset}) is refused, since a package does not carry
 * them. Percentiles interpolate as numpy's default, standard deviations are numpy's (ddof 0).
 */
record ProcessingStep(String id, Map<String, Object> kwargs) {

    /** What is supported, in the spec's names (0.5 names; 0.4's are the same or mapped to them). */
    static final Set<String> PRE = Set.of("scale_range", "zero_mean_unit_variance", "fixed_zero_mean_unit_variance",
            "scale_linear", "clip", "binarize", "sigmoid", "ensure_dtype");
    static final Set<String> POST = Set.of("scale_range", "zero_mean_unit_variance", "fixed_zero_mean_unit_variance",
            "scale_linear", "clip", "binarize", "sigmoid", "softmax", "scale_mean_variance", "ensure_dtype");

    /**
     * A step as the description states it ({@code name} in 0.4, {@code id} in 0.5), checked.
     *
     * @param post whether it is a post-processing step
     * @throws IllegalArgumentException naming the step and what is wrong with it
     */
    @SuppressWarnings("unchecked")
    static ProcessingStep parse(Map<String, Object> step, boolean post) {
        Object name = step.containsKey("id") ? step.get("id") : step.get("name");
        if (!(name instanceof String id)) {
            throw new IllegalArgumentException("a processing step without an id");
        }
        Map<String, Object> kwargs = step.get("kwargs") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Object mode = kwargs.get("mode");
        if ("zero_mean_unit_variance".equals(id) && "fixed".equals(mode)) {
            id = "fixed_zero_mean_unit_variance"; // 0.4's spelling of 0.5's fixed step
        }
        Set<String> known = post ? POST : PRE;
        if (!known.contains(id)) {
            throw new IllegalArgumentException((post ? "post" : "pre") + "-processing '" + id + "' is not supported "
                    + "(Fluffy runs " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
        if ("per_dataset".equals(mode)) {
            throw new IllegalArgumentException("'" + id + "' with mode per_dataset needs the statistics of the "
                    + "training dataset, which the package does not carry");
        }
        Object reference = kwargs.get("reference_tensor");
        if (reference != null && !"scale_mean_variance".equals(id)) {
            throw new IllegalArgumentException("'" + id + "' refers to tensor '" + reference + "': statistics of "
                    + "another tensor are supported for scale_mean_variance only");
        }
        return new ProcessingStep(id, kwargs);
    }

    /**
     * Applies the step to {@code t} in place.
     *
     * @param reference the model's input after its pre-processing (for {@code scale_mean_variance})
     */
    void apply(FloatPlanes t, FloatPlanes reference) {
        float[] v = t.values;
        int n = t.pixels();
        switch (id) {
        case "scale_range" -> {
            double lowP = number("min_percentile", 0);
            double highP = number("max_percentile", 100);
            double eps = number("eps", 1e-6);
            for (Range r : ranges(t)) {
                float[] part = r.copy(v);
                double lo = Normalization.percentile(part, lowP);
                double hi = Normalization.percentile(part, highP);
                double scale = 1 / (hi - lo + eps);
                r.map(v, x -> (float) ((x - lo) * scale));
            }
        }
        case "zero_mean_unit_variance" -> {
            double eps = number("eps", 1e-6);
            for (Range r : ranges(t)) {
                double[] ms = meanStd(v, r);
                double scale = 1 / (ms[1] + eps);
                r.map(v, x -> (float) ((x - ms[0]) * scale));
            }
        }
        case "fixed_zero_mean_unit_variance" -> {
            double eps = number("eps", 1e-6);
            for (int c = 0; c < t.channels; c++) {
                double mean = perChannel("mean", c, t.channels, 0);
                double std = perChannel("std", c, t.channels, 1);
                new Range(c * n, (c + 1) * n).map(v, x -> (float) ((x - mean) / (std + eps)));
            }
        }
        case "scale_linear" -> {
            for (int c = 0; c < t.channels; c++) {
                double gain = perChannel("gain", c, t.channels, 1);
                double offset = perChannel("offset", c, t.channels, 0);
                new Range(c * n, (c + 1) * n).map(v, x -> (float) (x * gain + offset));
            }
        }
        case "clip" -> {
            double min = number("min", Double.NEGATIVE_INFINITY);
            double max = number("max", Double.POSITIVE_INFINITY);
            new Range(0, v.length).map(v, x -> (float) Math.max(min, Math.min(max, x)));
        }
        case "binarize" -> {
            for (int c = 0; c < t.channels; c++) {
                double threshold = perChannel("threshold", c, t.channels, 0.5);
                new Range(c * n, (c + 1) * n).map(v, x -> x > threshold ? 1f : 0f);
            }
        }
        case "sigmoid" -> new Range(0, v.length).map(v, x -> (float) (1 / (1 + Math.exp(-x))));
        case "softmax" -> softmax(t);
        case "scale_mean_variance" -> {
            double eps = number("eps", 1e-6);
            double[] ref = meanStd(reference.values, new Range(0, reference.values.length));
            for (Range r : ranges(t)) {
                double[] ms = meanStd(v, r);
                double scale = (ref[1] + eps) / (ms[1] + eps);
                r.map(v, x -> (float) ((x - ms[0]) * scale + ref[0]));
            }
        }
        case "ensure_dtype" -> ensureType(v);
        default -> throw new IllegalStateException(id); // parse() admits only the cases above
        }
    }

    /** A span of the values, one channel or all. */
    private record Range(int from, int to) {

        /** The span's values (the array itself when the span is all of it: percentiles do not change it). */
        float[] copy(float[] v) {
            return from == 0 && to == v.length ? v : java.util.Arrays.copyOfRange(v, from, to);
        }

        void map(float[] v, FloatOp op) {
            for (int i = from; i < to; i++) {
                v[i] = op.apply(v[i]);
            }
        }
    }

    private interface FloatOp {
        float apply(float x);
    }

    /** The spans statistics are taken over: all channels together when the axes include the channel axis. */
    private List<Range> ranges(FloatPlanes t) {
        int n = t.pixels();
        if (t.channels == 1 || reducesChannels()) {
            return List.of(new Range(0, t.values.length));
        }
        return java.util.stream.IntStream.range(0, t.channels).mapToObj(c -> new Range(c * n, (c + 1) * n)).toList();
    }

    private boolean reducesChannels() {
        Object axes = kwargs.get("axes");
        if (axes == null) {
            return true; // 0.5: statistics over the whole tensor unless axes say otherwise
        }
        if (axes instanceof String s) {
            return s.contains("c");
        }
        if (axes instanceof List<?> list) {
            return list.stream().anyMatch(a -> "c".equals(a) || "channel".equals(a));
        }
        return true;
    }

    private static double[] meanStd(float[] v, Range r) {
        double sum = 0;
        for (int i = r.from(); i < r.to(); i++) {
            sum += v[i];
        }
        int count = r.to() - r.from();
        double mean = sum / count;
        double squares = 0;
        for (int i = r.from(); i < r.to(); i++) {
            double d = v[i] - mean;
            squares += d * d;
        }
        return new double[] {mean, Math.sqrt(squares / count)};
    }

    private static void softmax(FloatPlanes t) {
        int n = t.pixels();
        float[] v = t.values;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < t.channels; c++) {
                max = Math.max(max, v[c * n + i]);
            }
            double sum = 0;
            for (int c = 0; c < t.channels; c++) {
                sum += Math.exp(v[c * n + i] - max);
            }
            for (int c = 0; c < t.channels; c++) {
                v[c * n + i] = (float) (Math.exp(v[c * n + i] - max) / sum);
            }
        }
    }

    /** numpy's astype: floats kept, integer types truncated towards zero and saturated to their range. */
    private void ensureType(float[] v) {
        String dtype = String.valueOf(kwargs.getOrDefault("dtype", "float32")).toLowerCase(Locale.ROOT);
        double[] range = switch (dtype) {
        case "float32", "float64" -> null;
        case "uint8" -> new double[] {0, 255};
        case "int8" -> new double[] {-128, 127};
        case "uint16" -> new double[] {0, 65535};
        case "int16" -> new double[] {-32768, 32767};
        case "uint32", "int32", "uint64", "int64" -> new double[] {dtype.startsWith("u") ? 0 : -Double.MAX_VALUE,
                Double.MAX_VALUE};
        case "bool" -> new double[] {0, 1};
        default -> throw new IllegalArgumentException("ensure_dtype to '" + dtype + "' is not a known type");
        };
        if (range == null) {
            return;
        }
        for (int i = 0; i < v.length; i++) {
            double x = dtype.equals("bool") ? (v[i] != 0 ? 1 : 0) : (double) (long) v[i];
            v[i] = (float) Math.max(range[0], Math.min(range[1], x));
        }
    }

    private double number(String key, double absent) {
        Object o = kwargs.get(key);
        if (o == null) {
            return absent;
        }
        if (o instanceof Number num) {
            return num.doubleValue();
        }
        throw new IllegalArgumentException("'" + id + "': " + key + " is '" + o + "', not a number");
    }

    /** A scalar, or the value for channel {@code c} of a list with one value per channel. */
    private double perChannel(String key, int c, int channels, double absent) {
        Object o = kwargs.get(key);
        if (o instanceof List<?> list) {
            if (list.size() == 1) {
                return ((Number) list.get(0)).doubleValue();
            }
            if (list.size() != channels) {
                throw new IllegalArgumentException("'" + id + "': " + key + " has " + list.size()
                        + " values for a tensor of " + channels + " channels");
            }
            return ((Number) list.get(c)).doubleValue();
        }
        return number(key, absent);
    }
}
