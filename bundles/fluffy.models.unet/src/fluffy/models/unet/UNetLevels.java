package fluffy.models.unet;

import java.util.ArrayList;
import java.util.List;

import fluffy.onnx.Value;
import fluffy.onnx.nn.NetworkBuilder;

/**
 * The skeleton both U-Nets share: {@code depth} levels of blocks (level i with {@code width·2^i} channels),
 * 2×2 max pooling down, a learned 2×2 upsampling and concatenation with the skip up, then the head (two
 * Conv3x3+ReLU of {@code lastWidth} channels, none when 0) and a 1×1 convolution to the outputs. What a block
 * is, is the caller's. Parameter names are part of saved models: {@code down<i>}, {@code bottleneck<k>},
 * {@code up<i>/upsample}, {@code up<i>}, {@code head/conv1}, {@code head/conv2}, {@code head/classes}.
 */
final class UNetLevels {

    /** One block of a level: {@code channels} out, named {@code name}, at {@code level} (0 = full resolution). */
    @FunctionalInterface
    interface Block {
        Value apply(NetworkBuilder net, String name, Value x, int channels, int level);
    }

    private UNetLevels() {
    }

    /** Logits; {@code extraBottleneckBlocks} more blocks follow the deepest level's own. */
    static Value forward(NetworkBuilder net, Value image, int depth, int width, int lastWidth, int outputChannels,
            int extraBottleneckBlocks, Block block) {
        List<Value> skips = new ArrayList<>();
        Value x = image;
        for (int level = 0; level < depth; level++) {
            if (level > 0) {
                x = net.maxPool(x);
            }
            x = block.apply(net, "down" + level, x, width << level, level);
            if (level == depth - 1) {
                for (int extra = 1; extra <= extraBottleneckBlocks; extra++) {
                    x = block.apply(net, "bottleneck" + extra, x, width << level, level);
                }
            }
            skips.add(x);
        }
        for (int level = depth - 2; level >= 0; level--) {
            Value up = net.upsample("up" + level + "/upsample", x, width << level, 2);
            x = net.ops().concat(List.of(skips.get(level), up), 1);
            x = block.apply(net, "up" + level, x, width << level, level);
        }
        if (lastWidth > 0) {
            x = net.ops().relu(net.conv("head/conv1", x, lastWidth, 3));
            x = net.ops().relu(net.conv("head/conv2", x, lastWidth, 3));
        }
        return net.conv("head/classes", x, outputChannels, 1);
    }
}
