package fluffy.onnx.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Ops;
import fluffy.onnx.Shape;
import fluffy.onnx.Value;

/** What a gradient rule works with: the ops to emit, and helpers for broadcasting and dynamic shapes. */
public final class GradientContext {

    private final Ops ops;
    private final Set<Value> relevant;

    GradientContext(Ops ops, Set<Value> relevant) {
        this.ops = ops;
        this.relevant = relevant;
    }

    public Ops ops() {
        return ops;
    }

    public Graph graph() {
        return ops.graph();
    }

    /** Whether a gradient for this input is wanted (it lies between a parameter and the loss). */
    public boolean needs(Value input) {
        return input != null && relevant.contains(input);
    }

    /**
     * Sums a gradient over the axes along which {@code target} was broadcast, so that it has the target's
     * shape. Decided from static shapes: an axis is summed where the target has a known 1 and the gradient
     * does not, and leading axes the target lacks are summed away.
     */
    public Value reduceTo(Value grad, Shape target) {
        Shape gs = grad.shape();
        Value g = grad;
        int extra = gs.rank() - target.rank();
        if (extra > 0) {
            long[] lead = new long[extra];
            for (int i = 0; i < extra; i++) {
                lead[i] = i;
            }
            g = ops.reduceSum(g, lead, false);
        }
        List<Long> axes = new ArrayList<>();
        for (int i = 0; i < target.rank(); i++) {
            if (target.dim(i) == 1 && g.shape().dim(i) != 1) {
                axes.add((long) i);
            }
        }
        if (axes.isEmpty()) {
            return g;
        }
        return ops.reduceSum(g, axes.stream().mapToLong(Long::longValue).toArray(), true);
    }

    /** {@code grad} broadcast to the shape of {@code like} (for reductions' backward). */
    public Value expandLike(Value grad, Value like) {
        return ops.one("Expand", List.of(grad, ops.shapeOf(like)), Map.of(), grad.type(), like.shape());
    }

    /** Element {@code i} of a 1-D int64 shape tensor, as a 1-element vector ready for Concat. */
    public Value dim(Value shape, int i) {
        return ops.gather(shape, graph().vector(i), 0, Shape.of(1));
    }

    /** Concatenates 1-D int64 pieces (dims from {@link #dim} and constants) into a shape vector. */
    public Value shapeVector(Value... parts) {
        return ops.concat(List.of(parts), 0);
    }

    public Value constantVector(long... values) {
        return graph().vector(values);
    }

    /** Elementwise int64 arithmetic on small shape tensors. */
    public Value intMul(Value a, Value b) {
        return ops.one("Mul", List.of(a, b), Map.of(), DataType.INT64, Ops.broadcast(a.shape(), b.shape()));
    }

    public Value intAdd(Value a, Value b) {
        return ops.one("Add", List.of(a, b), Map.of(), DataType.INT64, Ops.broadcast(a.shape(), b.shape()));
    }

    public Value intSub(Value a, Value b) {
        return ops.one("Sub", List.of(a, b), Map.of(), DataType.INT64, Ops.broadcast(a.shape(), b.shape()));
    }

    public Value zero() {
        return graph().scalar(0f);
    }
}
