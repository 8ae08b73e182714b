package fluffy.onnx.nn;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/** A network as a model type defines it: forward pass, loss, and the activation that makes probabilities. */
public interface NetworkDefinition {

    int inputChannels();

    /** Channels of the logits, the targets and the probabilities. */
    int outputChannels();

    /** Image height and width must be multiples of this (2^number of poolings). */
    int sizeMultiple();

    /** Logits [N, outputChannels, H, W] from the normalised image [N, inputChannels, H, W]. */
    Value forward(NetworkBuilder network, Value image);

    /** A scalar loss from logits and targets [N, outputChannels, H, W]. */
    Value loss(Ops ops, Value logits, Value targets);

    /** Probabilities from logits (e.g. sigmoid or softmax over channels). */
    Value activation(Ops ops, Value logits);
}
