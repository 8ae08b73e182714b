package fluffy.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph under construction. Nodes are appended in an order that is already topological, names
 * are made unique (within a name scope, e.g. {@code enc1/conv1}), and identical constants are stored
 * once. Ops with shape inference are added through {@link Ops}; this class keeps the bookkeeping.
 */
public final class Graph {

    /** The one opset every Fluffy graph is written for (ai.onnx domain). */
    public static final int OPSET = 17;

    private final String name;
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> initializers = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<Tensor, Value> constants = new HashMap<>();
    private final Deque<String> scopes = new ArrayDeque<>();
    /** Everything this graph owns, for the constant-time membership check on every new node. */
    private final Set<Object> owned = Collections.newSetFromMap(new IdentityHashMap<>());

    public Graph(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<Value> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    public List<Value> initializers() {
        return Collections.unmodifiableList(initializers);
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Value> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    /** Opens a name scope; names created until {@link Scope#close()} are prefixed {@code scope/}. */
    public Scope scope(String scope) {
        scopes.push(scope);
        return scopes::pop;
    }

    /** A name scope that ends when closed; use in try-with-resources. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public Value input(String inputName, DataType type, Shape shape) {
        Value v = new Value(claim(inputName), type, shape, Value.Kind.INPUT, null, null);
        inputs.add(v);
        owned.add(v);
        return v;
    }

    /** A named constant stored in the model, e.g. a trained weight. */
    public Value initializer(String initializerName, Tensor data) {
        Value v = new Value(claim(initializerName), data.type(), new Shape(data.dims(),
                new String[data.dims().length]), Value.Kind.INITIALIZER, null, data);
        initializers.add(v);
        owned.add(v);
        return v;
    }

    /** A constant, stored once however often it is asked for. */
    public Value constant(Tensor data) {
        Value existing = constants.get(data);
        if (existing != null) {
            return existing;
        }
        Value v = new Value(claim(unique("const")), data.type(), new Shape(data.dims(), new String[data.dims().length]),
                Value.Kind.INITIALIZER, null, data);
        initializers.add(v);
        owned.add(v);
        constants.put(data, v);
        return v;
    }

    public Value scalar(float value) {
        return constant(Tensor.scalar(value));
    }

    public Value vector(long... values) {
        return constant(Tensor.vector(values));
    }

    /** What a new node's output will be. */
    public record Out(DataType type, Shape shape) {
    }

    /** Appends a node; attribute values may be Java numbers, arrays, strings or tensors. */
    public Node add(String opType, List<Value> nodeInputs, Map<String, ?> attributes, List<Out> outs) {
        for (Value in : nodeInputs) {
            if (in != null && !owns(in)) {
                throw new IllegalArgumentException(opType + ": input " + in + " is not part of graph " + name);
            }
        }
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        attributes.forEach((k, v) -> attrs.put(k, Attribute.of(v)));
        String base = unique(opType.toLowerCase());
        Node node = new Node(base, opType, nodeInputs, attrs);
        for (int i = 0; i < outs.size(); i++) {
            String outName = claim(outs.size() == 1 ? base : base + ":" + i);
            node.addOutput(new Value(outName, outs.get(i).type(), outs.get(i).shape(), Value.Kind.NODE_OUTPUT, node, null));
        }
        nodes.add(node);
        owned.add(node);
        return node;
    }

    /**
     * Declares a graph output under {@code outputName}. ONNX forbids an output that reuses an input's
     * name, and a node output keeps its own name, so the value is passed through an Identity node.
     */
    public Value output(Value value, String outputName) {
        Node identity = new Node(unique("identity"), "Identity", List.of(value), Map.of());
        Value out = new Value(claim(outputName), value.type(), value.shape(), Value.Kind.NODE_OUTPUT, identity, null);
        identity.addOutput(out);
        nodes.add(identity);
        owned.add(identity);
        outputs.add(out);
        return out;
    }

    /** Whether the value belongs to this graph. */
    public boolean owns(Value v) {
        return v.kind() == Value.Kind.NODE_OUTPUT ? owned.contains(v.producer()) : owned.contains(v);
    }

    /** A fresh name in the current scope, built from {@code base}. */
    public String unique(String base) {
        String q = qualified(base);
        int n = counters.merge(q, 1, Integer::sum);
        String candidate = n == 1 ? q : q + "_" + n;
        while (names.contains(candidate)) {
            n = counters.merge(q, 1, Integer::sum);
            candidate = q + "_" + n;
        }
        return candidate;
    }

    private String qualified(String base) {
        if (scopes.isEmpty()) {
            return base;
        }
        List<String> parts = new ArrayList<>(scopes);
        Collections.reverse(parts);
        return String.join("/", parts) + "/" + base;
    }

    private String claim(String candidate) {
        if (!names.add(candidate)) {
            throw new IllegalArgumentException("name already used in graph " + name + ": " + candidate);
        }
        return candidate;
    }
}
