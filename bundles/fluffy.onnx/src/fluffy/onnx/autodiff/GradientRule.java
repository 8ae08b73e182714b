package fluffy.onnx.autodiff;

import java.util.List;

import fluffy.onnx.Node;
import fluffy.onnx.Value;

/**
 * How the loss gradient flows back through one op type. A new layer type needs a new rule, never a new
 * hand-written backward pass.
 */
@FunctionalInterface
public interface GradientRule {

    /**
     * @param ctx   where to add the backward nodes, and which inputs need a gradient at all
     * @param node  the forward node
     * @param grads the loss gradient for each output of the node; {@code null} for an output that does
     *              not reach the loss
     * @return the loss gradient for each input, in input order; {@code null} where the input is not
     *         differentiable or {@link GradientContext#needs(Value) not needed}
     */
    List<Value> backward(GradientContext ctx, Node node, List<Value> grads);
}
