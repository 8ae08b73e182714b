package fluffy.onnx.optim;

import java.util.List;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/**
 * Adam (Kingma and Ba): m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * p ← p − lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε).
 */
public record Adam(float beta1, float beta2, float epsilon) implements Optimizer {

    @Override
    public String id() {
        return "adam";
    }

    @Override
    public List<String> slots() {
        return List.of("m", "v");
    }

    @Override
    public Stepper begin(Ops ops, Value learningRate, Value step) {
        Value rate = correctedRate(ops, learningRate, step, beta1, beta2);
        return (p, g, state, decay) -> {
            Value[] mv = moments(ops, g, state, beta1, beta2);
            return new Update(ops.sub(p, ops.mul(rate, direction(ops, mv, epsilon))), List.of(mv[0], mv[1]));
        };
    }

    /** lr·√(1−β2ᵗ)/(1−β1ᵗ), the bias-corrected step size. */
    static Value correctedRate(Ops ops, Value lr, Value step, float beta1, float beta2) {
        var g = ops.graph();
        Value one = g.scalar(1f);
        Value c1 = ops.sub(one, ops.pow(g.scalar(beta1), step));
        Value c2 = ops.sub(one, ops.pow(g.scalar(beta2), step));
        return ops.div(ops.mul(lr, ops.sqrt(c2)), c1);
    }

    /** The updated first and second moments. */
    static Value[] moments(Ops ops, Value g, List<Value> state, float beta1, float beta2) {
        var graph = ops.graph();
        Value m = ops.add(ops.mul(state.get(0), graph.scalar(beta1)), ops.mul(g, graph.scalar(1 - beta1)));
        Value v = ops.add(ops.mul(state.get(1), graph.scalar(beta2)), ops.mul(ops.mul(g, g), graph.scalar(1 - beta2)));
        return new Value[] {m, v};
    }

    static Value direction(Ops ops, Value[] mv, float epsilon) {
        return ops.div(mv[0], ops.add(ops.sqrt(mv[1]), ops.graph().scalar(epsilon)));
    }
}
