package fluffy.onnx.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fluffy.onnx.Tensor;

/** Named float tensors: a network's parameters and buffers, or an optimizer's state. Insertion-ordered. */
public final class Weights {

    private final Map<String, float[]> values = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    /** Fresh values for every spec, reproducible for a seed. */
    public static Weights initialize(List<ParameterSpec> specs, long seed) {
        Random random = new Random(seed);
        Weights w = new Weights();
        for (ParameterSpec s : specs) {
            w.put(s.name(), s.shape(), s.init().values(s.size(), random));
        }
        return w;
    }

    public void put(String name, long[] shape, float[] data) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException(name + ": shape needs " + size + " values, got " + data.length);
        }
        values.put(name, data);
        shapes.put(name, shape.clone());
    }

    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no weights named " + name);
        }
        return v;
    }

    public long[] shape(String name) {
        return shapes.get(name).clone();
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public Map<String, float[]> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public Tensor tensor(String name) {
        return Tensor.floats(get(name), shapes.get(name));
    }

    /** Total number of values. */
    public long count() {
        return values.values().stream().mapToLong(v -> v.length).sum();
    }

    public Weights copy() {
        Weights w = new Weights();
        values.forEach((k, v) -> w.put(k, shapes.get(k), v.clone()));
        return w;
    }
}
