package fluffy.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators Fluffy's graphs use, each added to a {@link Graph} with its output shape inferred as
 * far as the input shapes allow. Model types and gradient rules build graphs through this class only.
 */
public final class Ops {

    private final Graph g;

    public Ops(Graph graph) {
        this.g = graph;
    }

    public Graph graph() {
        return g;
    }

    // --- generic -----------------------------------------------------------------------------------

    /** A single-output node of the same type and shape as its first input. */
    public Value unary(String op, Value x) {
        return one(op, List.of(x), Map.of(), x.type(), x.shape());
    }

    public Value one(String op, List<Value> inputs, Map<String, ?> attrs, DataType type, Shape shape) {
        return g.add(op, inputs, attrs, List.of(new Graph.Out(type, shape))).output(0);
    }

    // --- elementwise -------------------------------------------------------------------------------

    public Value relu(Value x) {
        return unary("Relu", x);
    }

    public Value sigmoid(Value x) {
        return unary("Sigmoid", x);
    }

    public Value softplus(Value x) {
        return unary("Softplus", x);
    }

    public Value exp(Value x) {
        return unary("Exp", x);
    }

    public Value log(Value x) {
        return unary("Log", x);
    }

    public Value neg(Value x) {
        return unary("Neg", x);
    }

    public Value sqrt(Value x) {
        return unary("Sqrt", x);
    }

    public Value reciprocal(Value x) {
        return unary("Reciprocal", x);
    }

    public Value identity(Value x) {
        return unary("Identity", x);
    }

    public Value add(Value a, Value b) {
        return binary("Add", a, b);
    }

    public Value sub(Value a, Value b) {
        return binary("Sub", a, b);
    }

    public Value mul(Value a, Value b) {
        return binary("Mul", a, b);
    }

    public Value div(Value a, Value b) {
        return binary("Div", a, b);
    }

    public Value pow(Value a, Value b) {
        return binary("Pow", a, b);
    }

    public Value greater(Value a, Value b) {
        return compare("Greater", a, b);
    }

    public Value less(Value a, Value b) {
        return compare("Less", a, b);
    }

    public Value equal(Value a, Value b) {
        return compare("Equal", a, b);
    }

    public Value where(Value condition, Value a, Value b) {
        return one("Where", List.of(condition, a, b), Map.of(), a.type(),
                broadcast(condition.shape(), broadcast(a.shape(), b.shape())));
    }

    public Value cast(Value x, DataType to) {
        return one("Cast", List.of(x), Map.of("to", to.onnxCode), to, x.shape());
    }

    /** Elementwise sum of any number of same-shaped tensors (used to add up gradient contributions). */
    public Value sum(List<Value> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        Shape s = values.get(0).shape();
        for (Value v : values) {
            s = broadcast(s, v.shape());
        }
        return one("Sum", values, Map.of(), values.get(0).type(), s);
    }

    private Value binary(String op, Value a, Value b) {
        return one(op, List.of(a, b), Map.of(), a.type(), broadcast(a.shape(), b.shape()));
    }

    private Value compare(String op, Value a, Value b) {
        return one(op, List.of(a, b), Map.of(), DataType.BOOL, broadcast(a.shape(), b.shape()));
    }

    /** Numpy broadcasting of two shapes; a dimension is unknown unless one side settles it. */
    public static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        long[] dims = new long[rank];
        String[] names = new String[rank];
        for (int i = 0; i < rank; i++) {
            int ia = i - (rank - a.rank());
            int ib = i - (rank - b.rank());
            long da = ia >= 0 ? a.dims()[ia] : 1;
            long db = ib >= 0 ? b.dims()[ib] : 1;
            String na = ia >= 0 ? a.names()[ia] : null;
            String nb = ib >= 0 ? b.names()[ib] : null;
            if (da == 1) {
                dims[i] = db;
                names[i] = nb;
            } else if (db == 1 || db == da) {
                dims[i] = da;
                names[i] = na != null ? na : nb;
            } else if (da < 0) {
                dims[i] = db;
                names[i] = db < 0 ? (na != null ? na : nb) : null;
            } else if (db < 0) {
                dims[i] = da;
            } else {
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast");
            }
        }
        return new Shape(dims, names);
    }

    // --- convolution and pooling -------------------------------------------------------------------

    /** 2D convolution, square kernel from the weight, symmetric padding, optional bias. */
    public Value conv(Value x, Value w, Value bias, int pad, int stride) {
        return conv(x, w, bias, pad, stride, 1);
    }

    public Value conv(Value x, Value w, Value bias, int pad, int stride, int dilation) {
        long k = w.shape().dim(2);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("kernel_shape", new long[] {k, w.shape().dim(3)});
        attrs.put("pads", new long[] {pad, pad, pad, pad});
        attrs.put("strides", new long[] {stride, stride});
        attrs.put("dilations", new long[] {dilation, dilation});
        long extent = dilation * (k - 1) + 1;
        Shape xs = x.shape();
        Shape out = Shape.of(xs.names()[0] != null ? xs.names()[0] : xs.dim(0), w.shape().dim(0),
                spatial(xs, 2, pad, extent, stride), spatial(xs, 3, pad, extent, stride));
        List<Value> in = bias == null ? List.of(x, w) : List.of(x, w, bias);
        return one("Conv", in, attrs, x.type(), out);
    }

    private static Object spatial(Shape s, int axis, long pad, long extent, long stride) {
        if (!s.isKnown(axis)) {
            return pad * 2 + 1 == extent && stride == 1 && s.names()[axis] != null ? s.names()[axis] : null;
        }
        return (s.dim(axis) + 2 * pad - extent) / stride + 1;
    }

    /** Transposed convolution with kernel = stride and no padding: exact upsampling by {@code stride}. */
    public Value convTranspose(Value x, Value w, Value bias, int stride) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("kernel_shape", new long[] {stride, stride});
        attrs.put("strides", new long[] {stride, stride});
        Shape xs = x.shape();
        Shape out = Shape.of(xs.names()[0] != null ? xs.names()[0] : xs.dim(0), w.shape().dim(1),
                xs.isKnown(2) ? (Object) (xs.dim(2) * stride) : null, xs.isKnown(3) ? (Object) (xs.dim(3) * stride) : null);
        List<Value> in = bias == null ? List.of(x, w) : List.of(x, w, bias);
        return one("ConvTranspose", in, attrs, x.type(), out);
    }

    /** Max pooling with kernel = stride; with {@code indices} the node also yields the argmax positions. */
    public List<Value> maxPool(Value x, int size, boolean indices) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("kernel_shape", new long[] {size, size});
        attrs.put("strides", new long[] {size, size});
        Shape xs = x.shape();
        Shape out = Shape.of(xs.names()[0] != null ? xs.names()[0] : xs.dim(0), xs.dim(1),
                xs.isKnown(2) ? (Object) (xs.dim(2) / size) : null, xs.isKnown(3) ? (Object) (xs.dim(3) / size) : null);
        List<Graph.Out> outs = new ArrayList<>(List.of(new Graph.Out(x.type(), out)));
        if (indices) {
            outs.add(new Graph.Out(DataType.INT64, out));
        }
        return g.add("MaxPool", List.of(x), attrs, outs).outputs();
    }

    public Value gemm(Value a, Value b, boolean transA, boolean transB) {
        long m = transA ? a.shape().dim(1) : a.shape().dim(0);
        long n = transB ? b.shape().dim(0) : b.shape().dim(1);
        return one("Gemm", List.of(a, b), Map.of("transA", transA ? 1 : 0, "transB", transB ? 1 : 0), a.type(),
                Shape.of(m >= 0 ? (Object) m : null, n >= 0 ? (Object) n : null));
    }

    // --- reductions and normalisation --------------------------------------------------------------

    /** ReduceSum over {@code axes} (an input at opset 13+). */
    public Value reduceSum(Value x, long[] axes, boolean keepDims) {
        return one("ReduceSum", List.of(x, g.vector(axes)), Map.of("keepdims", keepDims ? 1 : 0), x.type(),
                reduced(x.shape(), axes, keepDims));
    }

    /** ReduceMean over {@code axes} (still an attribute at opset 17). */
    public Value reduceMean(Value x, long[] axes, boolean keepDims) {
        return one("ReduceMean", List.of(x), Map.of("axes", axes, "keepdims", keepDims ? 1 : 0), x.type(),
                reduced(x.shape(), axes, keepDims));
    }

    static Shape reduced(Shape s, long[] axes, boolean keepDims) {
        List<Long> dims = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.rank(); i++) {
            final int axis = i;
            boolean reducedAxis = Arrays.stream(axes).anyMatch(a -> a == axis || a + s.rank() == axis);
            if (!reducedAxis) {
                dims.add(s.dims()[i]);
                names.add(s.names()[i]);
            } else if (keepDims) {
                dims.add(1L);
                names.add(null);
            }
        }
        return new Shape(dims.stream().mapToLong(Long::longValue).toArray(), names.toArray(String[]::new));
    }

    public Value logSoftmax(Value x, int axis) {
        return one("LogSoftmax", List.of(x), Map.of("axis", axis), x.type(), x.shape());
    }

    public Value softmax(Value x, int axis) {
        return one("Softmax", List.of(x), Map.of("axis", axis), x.type(), x.shape());
    }

    // --- shape manipulation ------------------------------------------------------------------------

    public Value concat(List<Value> values, int axis) {
        Shape first = values.get(0).shape();
        long total = 0;
        for (Value v : values) {
            total = total < 0 || !v.shape().isKnown(axis) ? Shape.UNKNOWN : total + v.shape().dim(axis);
        }
        return one("Concat", values, Map.of("axis", axis), values.get(0).type(), first.with(axis, total));
    }

    public List<Value> split(Value x, int axis, long[] sizes) {
        List<Graph.Out> outs = new ArrayList<>();
        for (long size : sizes) {
            outs.add(new Graph.Out(x.type(), x.shape().with(axis, size)));
        }
        return g.add("Split", List.of(x, g.vector(sizes)), Map.of("axis", axis), outs).outputs();
    }

    public Value shapeOf(Value x) {
        return one("Shape", List.of(x), Map.of(), DataType.INT64, Shape.of(x.shape().rank()));
    }

    public Value size(Value x) {
        return one("Size", List.of(x), Map.of(), DataType.INT64, Shape.scalar());
    }

    /** Reshape to a shape computed in the graph; {@code result} is what is known statically. */
    public Value reshape(Value x, Value shape, Shape result) {
        return one("Reshape", List.of(x, shape), Map.of(), x.type(), result);
    }

    /** Reshape to constant target dims (0 copies the input's dim, -1 is inferred). */
    public Value reshape(Value x, long... dims) {
        Object[] known = new Object[dims.length];
        for (int i = 0; i < dims.length; i++) {
            known[i] = dims[i] > 0 ? (Object) dims[i] : dims[i] == 0 && i < x.shape().rank() && x.shape().isKnown(i)
                    ? (Object) x.shape().dim(i) : null;
        }
        return reshape(x, g.vector(dims), Shape.of(known));
    }

    public Value transpose(Value x, long... perm) {
        long[] dims = new long[perm.length];
        String[] names = new String[perm.length];
        for (int i = 0; i < perm.length; i++) {
            dims[i] = x.shape().dims()[(int) perm[i]];
            names[i] = x.shape().names()[(int) perm[i]];
        }
        return one("Transpose", List.of(x), Map.of("perm", perm), x.type(), new Shape(dims, names));
    }

    public Value unsqueeze(Value x, long... axes) {
        long[] dims = x.shape().dims();
        List<Long> out = new ArrayList<>();
        for (long d : dims) {
            out.add(d);
        }
        long[] sorted = axes.clone();
        Arrays.sort(sorted);
        for (long a : sorted) {
            out.add((int) a, 1L);
        }
        return one("Unsqueeze", List.of(x, g.vector(axes)), Map.of(), x.type(),
                new Shape(out.stream().mapToLong(Long::longValue).toArray(), new String[out.size()]));
    }

    /** Slice with constant starts/ends/axes/steps; the result shape is left unknown where it depends on input. */
    public Value slice(Value x, long[] starts, long[] ends, long[] axes, long[] steps, Shape result) {
        return one("Slice", List.of(x, g.vector(starts), g.vector(ends), g.vector(axes), g.vector(steps)), Map.of(),
                x.type(), result);
    }

    /** Constant zero padding; {@code pads} as ONNX orders them (all begins, then all ends). */
    public Value pad(Value x, long[] pads, Shape result) {
        return one("Pad", List.of(x, g.vector(pads)), Map.of("mode", "constant"), x.type(), result);
    }

    public Value gather(Value x, Value indices, int axis, Shape result) {
        return one("Gather", List.of(x, indices), Map.of("axis", axis), x.type(), result);
    }

    public Value constantOfShape(Value shape, float value, Shape result) {
        return one("ConstantOfShape", List.of(shape), Map.of("value", Tensor.floats(new float[] {value}, 1)),
                DataType.FLOAT, result);
    }

    public Value scatterElements(Value data, Value indices, Value updates, int axis) {
        return one("ScatterElements", List.of(data, indices, updates), Map.of("axis", axis), data.type(), data.shape());
    }

    /** Uniform random numbers in [0, 1) shaped like {@code x}; a fixed seed gives a reproducible stream. */
    public Value randomUniformLike(Value x, float seed) {
        return one("RandomUniformLike", List.of(x), Map.of("seed", seed, "dtype", DataType.FLOAT.onnxCode),
                DataType.FLOAT, x.shape());
    }
}
