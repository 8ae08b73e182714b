package fluffy.onnx.optim;

import java.util.List;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/** RMSprop as Keras defines it: v ← ρ·v + (1−ρ)·g²; p ← p − lr · g / (√v + ε). */
public record RmsProp(float rho, float epsilon) implements Optimizer {

    @Override
    public String id() {
        return "rmsprop";
    }

    @Override
    public List<String> slots() {
        return List.of("v");
    }

    @Override
    public Stepper begin(Ops ops, Value learningRate, Value step) {
        var graph = ops.graph();
        return (p, g, state, decay) -> {
            Value v = ops.add(ops.mul(state.get(0), graph.scalar(rho)), ops.mul(ops.mul(g, g), graph.scalar(1 - rho)));
            Value delta = ops.div(ops.mul(learningRate, g), ops.add(ops.sqrt(v), graph.scalar(epsilon)));
            return new Update(ops.sub(p, delta), List.of(v));
        };
    }
}
