package fluffy.onnx.optim;

import java.util.List;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/** SGD with momentum (PyTorch's form): b ← μ·b + g; p ← p − lr·b. */
public record Sgd(float momentum) implements Optimizer {

    @Override
    public String id() {
        return "sgd";
    }

    @Override
    public List<String> slots() {
        return List.of("momentum");
    }

    @Override
    public Stepper begin(Ops ops, Value learningRate, Value step) {
        var graph = ops.graph();
        return (p, g, state, decay) -> {
            Value b = ops.add(ops.mul(state.get(0), graph.scalar(momentum)), g);
            return new Update(ops.sub(p, ops.mul(learningRate, b)), List.of(b));
        };
    }
}
