package fluffy.models.unet;

import fluffy.onnx.Graph;
import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/**
 * Binary cross-entropy on logits, {@code mean(softplus(z) − t·z)} (stable for any z), plus the soft Dice
 * loss {@code 1 − (2Σpt + 1)/(Σp + Σt + 1)} over the batch, which keeps small objects from being
 * drowned by background.
 */
public record BinaryLoss(float diceWeight) implements UNet.Loss {

    @Override
    public Value loss(Ops ops, Value logits, Value targets) {
        Graph g = ops.graph();
        long[] all = {0, 1, 2, 3};
        Value bce = ops.reduceMean(ops.sub(ops.softplus(logits), ops.mul(targets, logits)), all, false);
        if (diceWeight == 0) {
            return bce;
        }
        Value p = ops.sigmoid(logits);
        Value one = g.scalar(1f);
        Value intersection = ops.reduceSum(ops.mul(p, targets), all, false);
        Value total = ops.add(ops.reduceSum(p, all, false), ops.reduceSum(targets, all, false));
        Value dice = ops.div(ops.add(ops.mul(intersection, g.scalar(2f)), one), ops.add(total, one));
        return ops.add(bce, ops.mul(ops.sub(one, dice), g.scalar(diceWeight)));
    }

    @Override
    public Value activation(Ops ops, Value logits) {
        return ops.sigmoid(logits);
    }
}
