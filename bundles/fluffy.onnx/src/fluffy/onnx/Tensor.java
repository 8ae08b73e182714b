package fluffy.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Constant tensor data (initializers, attribute tensors): element type, dimensions and little-endian raw
 * bytes, as ONNX's {@code raw_data} stores them.
 */
public record Tensor(DataType type, long[] dims, byte[] raw) {

    public Tensor {
        long count = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor dims must be known: " + Arrays.toString(dims));
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                // Dimensions from an untrusted file: their product must not wrap around to look small.
                throw new IllegalArgumentException("tensor dims " + Arrays.toString(dims) + " are too large");
            }
        }
        if (count > Long.MAX_VALUE / 8 || count * type.bytes != raw.length) {
            throw new IllegalArgumentException("tensor " + Arrays.toString(dims) + " of " + type + " needs "
                    + count * type.bytes + " bytes, got " + raw.length);
        }
    }

    public static Tensor floats(float[] values, long... dims) {
        ByteBuffer b = buffer(values.length * 4L);
        b.asFloatBuffer().put(values);
        return new Tensor(DataType.FLOAT, dims, b.array());
    }

    public static Tensor longs(long[] values, long... dims) {
        ByteBuffer b = buffer(values.length * 8L);
        b.asLongBuffer().put(values);
        return new Tensor(DataType.INT64, dims, b.array());
    }

    public static Tensor scalar(float value) {
        return floats(new float[] {value});
    }

    /** A 1-D int64 tensor, the form ONNX wants for axes, shapes, pads and split sizes. */
    public static Tensor vector(long... values) {
        return longs(values, values.length);
    }

    public float[] toFloats() {
        if (type != DataType.FLOAT) {
            throw new IllegalStateException("not a float tensor: " + type);
        }
        float[] out = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public long[] toLongs() {
        if (type != DataType.INT64) {
            throw new IllegalStateException("not an int64 tensor: " + type);
        }
        long[] out = new long[raw.length / 8];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    public long elementCount() {
        return raw.length / type.bytes;
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.type == type && Arrays.equals(t.dims, dims) && Arrays.equals(t.raw, raw);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + Arrays.hashCode(dims)) * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Tensor[" + type + " " + Arrays.toString(dims) + "]";
    }
}
