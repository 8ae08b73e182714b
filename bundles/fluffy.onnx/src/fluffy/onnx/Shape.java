package fluffy.onnx;

import java.util.Arrays;

/**
 * A tensor shape as far as it is known while a graph is built: a dimension is a number, or unknown
 * (-1), optionally with a symbolic name that graph inputs and outputs declare (e.g. {@code N}, {@code H}).
 * Known dimensions are what gradient rules need: which axes were broadcast, how many channels to split.
 */
public record Shape(long[] dims, String[] names) {

    public static final long UNKNOWN = -1;

    public Shape {
        if (names.length != dims.length) {
            throw new IllegalArgumentException("names and dims differ in length");
        }
    }

    /** Each argument is a dimension size (Number) or a symbolic name (String) for an unknown size. */
    public static Shape of(Object... dims) {
        long[] d = new long[dims.length];
        String[] n = new String[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] instanceof Number number) {
                d[i] = number.longValue();
            } else if (dims[i] instanceof String name) {
                d[i] = UNKNOWN;
                n[i] = name;
            } else {
                d[i] = UNKNOWN;
            }
        }
        return new Shape(d, n);
    }

    public static Shape unknown(int rank) {
        long[] d = new long[rank];
        Arrays.fill(d, UNKNOWN);
        return new Shape(d, new String[rank]);
    }

    public static Shape scalar() {
        return new Shape(new long[0], new String[0]);
    }

    public int rank() {
        return dims.length;
    }

    public long dim(int axis) {
        return dims[axis < 0 ? axis + dims.length : axis];
    }

    public boolean isKnown(int axis) {
        return dim(axis) >= 0;
    }

    /** A copy with one dimension replaced (its name dropped). */
    public Shape with(int axis, long size) {
        long[] d = dims.clone();
        String[] n = names.clone();
        int a = axis < 0 ? axis + dims.length : axis;
        d[a] = size;
        n[a] = null;
        return new Shape(d, n);
    }

    /** Number of elements, or -1 when a dimension is unknown. */
    public long size() {
        long s = 1;
        for (long d : dims) {
            if (d < 0) {
                return UNKNOWN;
            }
            s *= d;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(s.dims, dims) && Arrays.equals(s.names, names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims) * 31 + Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            b.append(i > 0 ? "," : "").append(dims[i] >= 0 ? String.valueOf(dims[i]) : names[i] != null ? names[i] : "?");
        }
        return b.append(']').toString();
    }
}
