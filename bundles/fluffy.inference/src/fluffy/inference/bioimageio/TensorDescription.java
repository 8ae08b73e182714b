package fluffy.inference.bioimageio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fluffy.inference.TensorLayout;
import fluffy.inference.TileRule;

/**
 * What a bioimage.io description says about one tensor, in either format: its name, axes, the channels (and
 * their names when given), the spatial sizes an input accepts or the halo of an output, its data type and
 * its processing steps. Only 2D images are read: axes other than batch, channel, y and x must have size 1.
 *
 * @param rule          for an input: the sizes it takes along y and x; for an output: its halo
 * @param channelNames  empty when the description names none
 */
record TensorDescription(String name, TensorLayout layout, int channels, List<String> channelNames, TileRule rule,
        String dataType, List<ProcessingStep> processing) {

    boolean isInteger() {
        return dataType.startsWith("int") || dataType.startsWith("uint") || dataType.equals("bool");
    }

    /** An input of format 0.4 or 0.5. */
    static TensorDescription input(Map<String, Object> m, boolean v04) {
        return v04 ? input04(m) : parse05(m, null, true);
    }

    /** An output of format 0.4 or 0.5, whose sizes refer to {@code input}. */
    static TensorDescription output(Map<String, Object> m, boolean v04, TensorDescription input) {
        return v04 ? output04(m, input) : parse05(m, input, false);
    }

    // ---- format 0.4: axes as a string, shapes as lists ----

    private static TensorDescription input04(Map<String, Object> m) {
        String name = text(m, "name");
        TensorLayout layout = new TensorLayout(text(m, "axes"));
        String axes = layout.axes();
        Object shape = m.get("shape");
        int[] min;
        int[] step;
        if (shape instanceof List<?> fixed) {
            min = ints(fixed, name + ".shape");
            step = new int[min.length];
        } else if (shape instanceof Map<?, ?> range) {
            min = ints(range.get("min"), name + ".shape.min");
            step = ints(range.get("step"), name + ".shape.step");
        } else {
            throw new IllegalArgumentException("input '" + name + "' has no shape");
        }
        check(min.length == axes.length() && step.length == axes.length(), "input '" + name + "': its shape has "
                + min.length + " entries for axes '" + axes + "'");
        int channels = axes.indexOf('c') >= 0 ? min[axes.indexOf('c')] : 1;
        checkSingletons(axes, min, step, name);
        TileRule rule = spatial(min[axes.indexOf('y')], step[axes.indexOf('y')], min[axes.indexOf('x')],
                step[axes.indexOf('x')], 0, name);
        return new TensorDescription(name, layout, channels, List.of(), rule, dataType(m.get("data_type")),
                steps(m.get("preprocessing"), false, name));
    }

    private static TensorDescription output04(Map<String, Object> m, TensorDescription input) {
        String name = text(m, "name");
        TensorLayout layout = new TensorLayout(text(m, "axes"));
        String axes = layout.axes();
        Object shape = m.get("shape");
        int channels;
        if (shape instanceof Map<?, ?> ref) {
            double[] scale = numbers(ref.get("scale"), name + ".shape.scale");
            double[] offset = numbers(ref.get("offset"), name + ".shape.offset");
            check(scale.length == axes.length() && offset.length == axes.length(), "output '" + name
                    + "': scale and offset need an entry per axis of '" + axes + "'");
            for (char a : new char[] {'y', 'x'}) {
                int k = axes.indexOf(a);
                check(scale[k] == 1 && offset[k] == 0, "output '" + name + "' is not the input's size along " + a
                        + " (scale " + scale[k] + ", offset " + offset[k] + "); only same-size outputs are read");
            }
            int c = axes.indexOf('c');
            int inputChannels = input.channels();
            channels = c < 0 ? 1 : (int) Math.round(scale[c] * inputChannels + 2 * offset[c]);
        } else if (shape instanceof List<?> fixed) {
            int[] sizes = ints(fixed, name + ".shape");
            check(sizes.length == axes.length(), "output '" + name + "': its shape does not match axes '" + axes + "'");
            channels = axes.indexOf('c') >= 0 ? sizes[axes.indexOf('c')] : 1;
            check(input.rule().step() == 0 && sizes[axes.indexOf('y')] == input.rule().min()
                    && sizes[axes.indexOf('x')] == input.rule().min(), "output '" + name + "' has a fixed shape "
                    + "that is not the input's; only same-size outputs are read");
        } else {
            throw new IllegalArgumentException("output '" + name + "' has no shape");
        }
        int halo = 0;
        if (m.get("halo") != null) {
            int[] h = ints(m.get("halo"), name + ".halo");
            check(h.length == axes.length(), "output '" + name + "': its halo does not match axes '" + axes + "'");
            halo = Math.max(h[axes.indexOf('y')], h[axes.indexOf('x')]);
        }
        return new TensorDescription(name, layout, channels, List.of(), new TileRule(1, 1, halo, false),
                dataType(m.get("data_type")), steps(m.get("postprocessing"), true, name));
    }

    // ---- format 0.5: axes as a list of objects ----

    @SuppressWarnings("unchecked")
    private static TensorDescription parse05(Map<String, Object> m, TensorDescription input, boolean isInput) {
        String kind = isInput ? "input" : "output";
        String name = text(m, "id");
        if (!(m.get("axes") instanceof List<?> axisList)) {
            throw new IllegalArgumentException(kind + " '" + name + "' has no axes");
        }
        StringBuilder letters = new StringBuilder();
        int channels = 1;
        List<String> channelNames = List.of();
        int[][] spatial = new int[2][]; // y, x: {min, step}
        int halo = 0;
        for (Object o : axisList) {
            Map<String, Object> axis = (Map<String, Object>) o;
            String type = String.valueOf(axis.get("type"));
            Object size = axis.get("size");
            switch (type) {
            case "batch" -> letters.append('b');
            case "channel" -> {
                letters.append('c');
                if (axis.get("channel_names") instanceof List<?> names) {
                    channelNames = names.stream().map(String::valueOf).toList();
                    channels = names.size();
                } else if (size instanceof Number s) {
                    channels = s.intValue();
                }
            }
            case "space" -> {
                String id = String.valueOf(axis.get("id")).toLowerCase(Locale.ROOT);
                check(id.equals("x") || id.equals("y") || id.equals("z"), kind + " '" + name + "': space axis '" + id
                        + "' is not x, y or z");
                letters.append(id.charAt(0));
                int[] sizes = size05(size, input, id, kind, name);
                if (id.equals("z")) {
                    check(sizes[0] == 1, kind + " '" + name + "' is 3D (z of " + sizes[0] + "); Fluffy predicts 2D images");
                } else {
                    spatial[id.equals("y") ? 0 : 1] = sizes;
                    if (axis.get("halo") instanceof Number h) {
                        halo = Math.max(halo, h.intValue());
                    }
                    if (axis.get("scale") instanceof Number sc) {
                        check(sc.doubleValue() == 1, kind + " '" + name + "' has scale " + sc + " along " + id
                                + "; only outputs of the input's size are read");
                    }
                }
            }
            case "time", "index" -> {
                letters.append(type.equals("time") ? 't' : 'i');
                check(size == null || size instanceof Number s && s.intValue() == 1, kind + " '" + name + "': its "
                        + type + " axis must have size 1 (Fluffy predicts 2D images)");
            }
            default -> throw new IllegalArgumentException(kind + " '" + name + "': unknown axis type '" + type + "'");
            }
        }
        TensorLayout layout = new TensorLayout(letters.toString());
        Map<String, Object> data = m.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        String dataType = dataType(data.get("type"));
        if (isInput) {
            check(spatial[0] != null && spatial[1] != null, "input '" + name + "' has no y or x axis");
            TileRule rule = spatial(spatial[0][0], spatial[0][1], spatial[1][0], spatial[1][1], 0, name);
            return new TensorDescription(name, layout, channels, channelNames, rule, dataType,
                    steps(m.get("preprocessing"), false, name));
        }
        return new TensorDescription(name, layout, channels, channelNames, new TileRule(1, 1, halo, false), dataType,
                steps(m.get("postprocessing"), true, name));
    }

    /** {min, step} of a 0.5 axis size: a number, {min, step}, or a reference to the input's axis. */
    private static int[] size05(Object size, TensorDescription input, String axis, String kind, String name) {
        if (size instanceof Number n) {
            return new int[] {n.intValue(), 0};
        }
        if (size instanceof Map<?, ?> map) {
            if (map.containsKey("min")) {
                return new int[] {((Number) map.get("min")).intValue(),
                        map.get("step") instanceof Number s ? s.intValue() : 0};
            }
            if (map.containsKey("axis_id")) {
                check(input != null, kind + " '" + name + "': an input's size cannot refer to another tensor");
                Object offset = map.get("offset");
                check(axis.equals(String.valueOf(map.get("axis_id"))) && (offset == null || ((Number) offset).intValue() == 0),
                        kind + " '" + name + "': its " + axis + " size is not the input's " + axis + "; only "
                                + "outputs of the input's size are read");
                return new int[] {input.rule().min(), input.rule().step()};
            }
        }
        if (size == null && input != null) {
            return new int[] {input.rule().min(), input.rule().step()};
        }
        throw new IllegalArgumentException(kind + " '" + name + "': the size of axis " + axis + " is '" + size + "'");
    }

    // ---- shared ----

    private static TileRule spatial(int minY, int stepY, int minX, int stepX, int halo, String name) {
        check(minY == minX && stepY == stepX, "input '" + name + "' takes " + minY + "+k*" + stepY + " rows but "
                + minX + "+k*" + stepX + " columns; Fluffy tiles with square tiles and needs the same rule for both");
        return new TileRule(minX, stepX, halo, false);
    }

    private static void checkSingletons(String axes, int[] min, int[] step, String name) {
        for (int i = 0; i < axes.length(); i++) {
            char a = axes.charAt(i);
            if ("bcyx".indexOf(a) < 0) {
                check(min[i] == 1, "input '" + name + "': axis '" + a + "' has size " + min[i]
                        + "; Fluffy predicts 2D images");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ProcessingStep> steps(Object list, boolean post, String tensor) {
        List<ProcessingStep> steps = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                try {
                    steps.add(ProcessingStep.parse((Map<String, Object>) o, post));
                } catch (IllegalArgumentException | ClassCastException e) {
                    throw new IllegalArgumentException("tensor '" + tensor + "': " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(steps);
    }

    private static String dataType(Object o) {
        return o == null ? "float32" : String.valueOf(o).toLowerCase(Locale.ROOT);
    }

    static String text(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            throw new IllegalArgumentException("a tensor without '" + key + "'");
        }
        return String.valueOf(o);
    }

    private static int[] ints(Object o, String what) {
        double[] d = numbers(o, what);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    private static double[] numbers(Object o, String what) {
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " is '" + o + "', not a list of numbers");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(what + " holds '" + list.get(i) + "', not a number");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
