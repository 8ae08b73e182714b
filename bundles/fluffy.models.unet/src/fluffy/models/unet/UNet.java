package fluffy.models.unet;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;
import fluffy.onnx.nn.NetworkBuilder;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * The U-Net family of the original Fluffy. {@code depth} levels, the deepest being the bottleneck; level
 * i has {@code width·2^i} channels and a block of two Conv3x3+ReLU (each followed by batch norm when
 * enabled) and dropout ({@code dropout·(i+1)}, at most 0.5, as the original grew it per level). Down by
 * 2×2 max pooling, up by a learned 2×2 transposed convolution and concatenation with the skip. The head
 * is two Conv3x3+ReLU of {@code lastWidth} channels (none when 0) and a 1×1 convolution to the classes.
 *
 * <p>With depth 4, width 16, lastWidth 0 and neither batch norm nor dropout this is the plain U-Net of the
 * benchmark: 481,745 parameters for one output channel.
 */
public record UNet(int inputChannels, int outputChannels, int depth, int width, int lastWidth, boolean batchNorm,
        float dropout, Loss loss) implements NetworkDefinition {

    /** The training objective and output activation. */
    public sealed interface Loss permits BinaryLoss, CategoricalLoss {
        Value loss(Ops ops, Value logits, Value targets);

        Value activation(Ops ops, Value logits);
    }

    public UNet {
        if (depth < 1 || width < 1 || lastWidth < 0 || inputChannels < 1 || outputChannels < 1) {
            throw new IllegalArgumentException("invalid U-Net: depth " + depth + ", width " + width + ", last width "
                    + lastWidth);
        }
    }

    @Override
    public int sizeMultiple() {
        return 1 << (depth - 1);
    }

    @Override
    public Value forward(NetworkBuilder net, Value image) {
        return UNetLevels.forward(net, image, depth, width, lastWidth, outputChannels, 0, this::block);
    }

    private Value block(NetworkBuilder net, String name, Value x, int channels, int level) {
        x = convRelu(net, name + "/conv1", x, channels);
        if (batchNorm) {
            x = net.batchNorm(name + "/bn1", x);
        }
        x = convRelu(net, name + "/conv2", x, channels);
        if (batchNorm) {
            x = net.batchNorm(name + "/bn2", x);
        }
        return net.dropout(x, Math.min(0.5f, dropout * (level + 1)));
    }

    private static Value convRelu(NetworkBuilder net, String name, Value x, int channels) {
        return net.ops().relu(net.conv(name, x, channels, 3));
    }

    @Override
    public Value loss(Ops ops, Value logits, Value targets) {
        return loss.loss(ops, logits, targets);
    }

    @Override
    public Value activation(Ops ops, Value logits) {
        return loss.activation(ops, logits);
    }
}
