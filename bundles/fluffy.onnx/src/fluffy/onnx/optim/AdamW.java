package fluffy.onnx.optim;

import java.util.List;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/** Adam with decoupled weight decay (Loshchilov and Hutter): p ← p − lr·wd·p before the Adam step. */
public record AdamW(float beta1, float beta2, float epsilon, float weightDecay) implements Optimizer {

    @Override
    public String id() {
        return "adamw";
    }

    @Override
    public List<String> slots() {
        return List.of("m", "v");
    }

    @Override
    public Stepper begin(Ops ops, Value learningRate, Value step) {
        Value rate = Adam.correctedRate(ops, learningRate, step, beta1, beta2);
        Value decayRate = ops.mul(learningRate, ops.graph().scalar(weightDecay));
        return (p, g, state, decay) -> {
            Value[] mv = Adam.moments(ops, g, state, beta1, beta2);
            Value decayed = decay ? ops.sub(p, ops.mul(decayRate, p)) : p;
            return new Update(ops.sub(decayed, ops.mul(rate, Adam.direction(ops, mv, epsilon))), List.of(mv[0], mv[1]));
        };
    }
}
