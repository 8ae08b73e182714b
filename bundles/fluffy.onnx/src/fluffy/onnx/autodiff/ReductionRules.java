package fluffy.onnx.autodiff;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fluffy.onnx.DataType;
import fluffy.onnx.Node;
import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/** ReduceSum and ReduceMean: the output gradient is spread back over the reduced axes. */
final class ReductionRules {

    private ReductionRules() {
    }

    static void register(Map<String, GradientRule> r) {
        r.put("ReduceSum", (ctx, n, g) -> Arrays.asList(spread(ctx, n, g.get(0), axesOf(n, n.input(1))), null));
        r.put("ReduceMean", (ctx, n, g) -> {
            Ops o = ctx.ops();
            Value x = n.input(0);
            Value y = n.output(0);
            long count = x.shape().size() > 0 && y.shape().size() > 0 ? x.shape().size() / y.shape().size() : -1;
            Value scale = count > 0 ? ctx.graph().scalar(1f / count)
                    : o.div(o.cast(o.size(y), DataType.FLOAT), o.cast(o.size(x), DataType.FLOAT));
            return List.of(o.mul(spread(ctx, n, g.get(0), n.intsAttr("axes", null)), scale));
        });
    }

    private static long[] axesOf(Node n, Value axesInput) {
        if (axesInput == null) {
            return null;
        }
        if (axesInput.data() == null) {
            throw new IllegalArgumentException(n.opType() + ": axes must be a constant to differentiate (node "
                    + n.name() + ")");
        }
        return axesInput.data().toLongs();
    }

    /** dY broadcast back to X's shape; with keepdims=0 the reduced axes are first restored as size 1. */
    private static Value spread(GradientContext ctx, Node n, Value dy, long[] axes) {
        Value x = n.input(0);
        Value g = dy;
        boolean keep = n.intAttr("keepdims", 1) == 1;
        if (!keep && axes != null && axes.length > 0) {
            long[] positive = Arrays.stream(axes).map(a -> a < 0 ? a + x.shape().rank() : a).sorted().toArray();
            g = ctx.ops().unsqueeze(g, positive);
        }
        return ctx.expandLike(g, x);
    }
}
