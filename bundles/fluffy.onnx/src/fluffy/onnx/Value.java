package fluffy.onnx;

/**
 * A named tensor in a graph: a graph input, an initializer (constant data stored in the model), or the
 * output of a node. Identity is by object; names are unique within a graph.
 */
public final class Value {

    public enum Kind { INPUT, INITIALIZER, NODE_OUTPUT }

    private final String name;
    private final DataType type;
    private final Shape shape;
    private final Kind kind;
    private final Node producer;
    private final Tensor data;

    Value(String name, DataType type, Shape shape, Kind kind, Node producer, Tensor data) {
        this.name = name;
        this.type = type;
        this.shape = shape;
        this.kind = kind;
        this.producer = producer;
        this.data = data;
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    public Shape shape() {
        return shape;
    }

    public Kind kind() {
        return kind;
    }

    /** The node computing this value, or {@code null} for inputs and initializers. */
    public Node producer() {
        return producer;
    }

    /** The constant data of an initializer, or {@code null}. */
    public Tensor data() {
        return data;
    }

    @Override
    public String toString() {
        return name + ":" + type + shape;
    }
}
