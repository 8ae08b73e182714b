package fluffy.onnx;

/** A node attribute; the variants ONNX's {@code AttributeProto} needs for Fluffy's graphs. */
public sealed interface Attribute {

    record Int(long value) implements Attribute {
    }

    record Float(float value) implements Attribute {
    }

    record Str(String value) implements Attribute {
    }

    record Ints(long[] values) implements Attribute {
    }

    record Floats(float[] values) implements Attribute {
    }

    record TensorValue(Tensor value) implements Attribute {
    }

    static Attribute of(Object value) {
        return switch (value) {
            case Attribute a -> a;
            case Integer i -> new Int(i);
            case Long l -> new Int(l);
            case java.lang.Float f -> new Float(f);
            case Double d -> new Float(d.floatValue());
            case String s -> new Str(s);
            case long[] l -> new Ints(l);
            case int[] i -> new Ints(java.util.Arrays.stream(i).asLongStream().toArray());
            case float[] f -> new Floats(f);
            case Tensor t -> new TensorValue(t);
            default -> throw new IllegalArgumentException("unsupported attribute value " + value.getClass());
        };
    }
}
