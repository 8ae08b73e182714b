package fluffy.models.unet;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;
import fluffy.onnx.nn.NetworkBuilder;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * A U-Net of residual blocks: the levels, pooling, upsampling, skips and head of {@link UNet}, but every block
 * is conv3x3-BN-ReLU-conv3x3-BN plus a shortcut (a 1x1 convolution where the channel count changes), then
 * ReLU, and the bottleneck has {@code bottleneckBlocks} blocks instead of one, for more context where it is
 * cheapest (an eighth of the resolution at depth 4).
 */
public record ResidualUNet(int inputChannels, int outputChannels, int depth, int width, int lastWidth,
        boolean batchNorm, float dropout, int bottleneckBlocks, UNet.Loss loss) implements NetworkDefinition {

    public ResidualUNet {
        if (depth < 1 || width < 1 || lastWidth < 0 || inputChannels < 1 || outputChannels < 1 || bottleneckBlocks < 1) {
            throw new IllegalArgumentException("invalid residual U-Net: depth " + depth + ", width " + width
                    + ", last width " + lastWidth + ", bottleneck blocks " + bottleneckBlocks);
        }
    }

    @Override
    public int sizeMultiple() {
        return 1 << (depth - 1);
    }

    @Override
    public Value forward(NetworkBuilder net, Value image) {
        return UNetLevels.forward(net, image, depth, width, lastWidth, outputChannels, bottleneckBlocks - 1, this::block);
    }

    private Value block(NetworkBuilder net, String name, Value x, int channels, int level) {
        Ops ops = net.ops();
        Value shortcut = x.shape().dim(1) == channels ? x : net.conv(name + "/shortcut", x, channels, 1);
        Value h = net.conv(name + "/conv1", x, channels, 3);
        if (batchNorm) {
            h = net.batchNorm(name + "/bn1", h);
        }
        h = net.conv(name + "/conv2", ops.relu(h), channels, 3);
        if (batchNorm) {
            h = net.batchNorm(name + "/bn2", h);
        }
        return net.dropout(ops.relu(ops.add(h, shortcut)), Math.min(0.5f, dropout * (level + 1)));
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
