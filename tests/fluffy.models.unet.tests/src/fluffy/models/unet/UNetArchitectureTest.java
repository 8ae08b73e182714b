package fluffy.models.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fluffy.models.HyperparameterValues;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.ParameterSpec;

class UNetArchitectureTest {

    /** The benchmark's plain U-Net: 4 levels, base width 16, no head convolutions, no batch norm or dropout. */
    @Test
    void plainFourLevelUNetHas481745Parameters() {
        UNet plain = new UNet(1, 1, 4, 16, 0, false, 0, new BinaryLoss(0));
        long count = Graphs.specs(plain).stream().filter(ParameterSpec::trainable).mapToLong(ParameterSpec::size).sum();
        assertEquals(481_745, count);
        assertEquals(8, plain.sizeMultiple());
    }

    /**
     * The residual U-Net has the plain one's levels with a shortcut per block and extra bottleneck blocks: with
     * one bottleneck block and no batch norm it has the plain U-Net's convolutions plus one 1x1 shortcut per
     * block whose channel count changes (all seven at depth 4).
     */
    @Test
    void theResidualUNetAddsAShortcutPerBlockAndBlocksAtTheBottleneck() {
        UNet plain = new UNet(1, 3, 4, 16, 0, false, 0, new CategoricalLoss(new float[] {1, 1, 1}));
        ResidualUNet one = new ResidualUNet(1, 3, 4, 16, 0, false, 0, 1, new CategoricalLoss(new float[] {1, 1, 1}));
        ResidualUNet two = new ResidualUNet(1, 3, 4, 16, 0, false, 0, 2, new CategoricalLoss(new float[] {1, 1, 1}));
        long shortcuts = (1 * 16 + 16) + (16 * 32 + 32) + (32 * 64 + 64) + (64 * 128 + 128) // down
                + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16); // up: concatenation in, level width out
        assertEquals(parameters(plain) + shortcuts, parameters(one));
        long bottleneckBlock = 2 * (128 * 128 * 9 + 128);
        assertEquals(parameters(one) + bottleneckBlock, parameters(two));
        assertEquals(8, two.sizeMultiple());
    }

    private static long parameters(fluffy.onnx.nn.NetworkDefinition network) {
        return Graphs.specs(network).stream().filter(ParameterSpec::trainable).mapToLong(ParameterSpec::size).sum();
    }

    @Test
    void defaultsFollowTheOriginal() {
        BinaryUNet type = new BinaryUNet();
        HyperparameterValues v = HyperparameterValues.defaults(type.hyperparameters());
        assertEquals(4, v.integer("depth"));
        assertEquals(16, v.integer("width"));
        assertEquals(16, v.integer("last_width"));
        assertEquals(true, v.flag("batch_norm"));
    }

    @Test
    void hyperparametersOutsideTheirRangeAreRejectedByName() {
        CategoricalUNet type = new CategoricalUNet();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HyperparameterValues.of(type.hyperparameters(), Map.of("depth", 9)));
        assertEquals("depth: 9 is not allowed; expected an integer 1..5", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HyperparameterValues.of(type.hyperparameters(), Map.of("colour", "blue")));
        assertEquals(HyperparameterValues.of(type.hyperparameters(), Map.of("depth", 3)),
                HyperparameterValues.decode(type.hyperparameters(), "depth=3"));
    }
}
