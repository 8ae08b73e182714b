package fluffy.models.unet;

import fluffy.onnx.Graph;
import fluffy.onnx.Ops;
import fluffy.onnx.Tensor;
import fluffy.onnx.Value;

/**
 * Cross-entropy over the class channel with per-class weights:
 * {@code −mean over pixels of Σ_c w_c·t_c·log softmax(z)_c}. Weights above 1 for the thin border class
 * make the network draw it where the plain loss would let it fade.
 */
public record CategoricalLoss(float[] classWeights) implements UNet.Loss {

    @Override
    public Value loss(Ops ops, Value logits, Value targets) {
        Graph g = ops.graph();
        Value logP = ops.logSoftmax(logits, 1);
        Value weights = g.constant(Tensor.floats(classWeights, 1, classWeights.length, 1, 1));
        Value perPixel = ops.reduceSum(ops.mul(ops.mul(targets, weights), logP), new long[] {1}, false);
        return ops.neg(ops.reduceMean(perPixel, new long[] {0, 1, 2}, false));
    }

    @Override
    public Value activation(Ops ops, Value logits) {
        return ops.softmax(logits, 1);
    }
}
