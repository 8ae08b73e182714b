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
