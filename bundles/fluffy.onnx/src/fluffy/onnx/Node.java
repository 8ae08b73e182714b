package fluffy.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One operator application: op type, inputs (a {@code null} input is an omitted optional one), outputs. */
public final class Node {

    private final String name;
    private final String opType;
    private final List<Value> inputs;
    private final List<Value> outputs = new ArrayList<>();
    private final Map<String, Attribute> attributes;

    Node(String name, String opType, List<Value> inputs, Map<String, Attribute> attributes) {
        this.name = name;
        this.opType = opType;
        this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    void addOutput(Value v) {
        outputs.add(v);
    }

    public String name() {
        return name;
    }

    public String opType() {
        return opType;
    }

    public List<Value> inputs() {
        return inputs;
    }

    public Value input(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    public List<Value> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    public Value output(int i) {
        return outputs.get(i);
    }

    public Map<String, Attribute> attributes() {
        return attributes;
    }

    public long intAttr(String key, long fallback) {
        return attributes.get(key) instanceof Attribute.Int i ? i.value() : fallback;
    }

    public float floatAttr(String key, float fallback) {
        return attributes.get(key) instanceof Attribute.Float f ? f.value() : fallback;
    }

    public long[] intsAttr(String key, long[] fallback) {
        return attributes.get(key) instanceof Attribute.Ints i ? i.values().clone() : fallback;
    }

    @Override
    public String toString() {
        return opType + " " + name + " " + inputs + " -> " + outputs;
    }
}
