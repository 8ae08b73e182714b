package fluffy.models.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fluffy.models.ModelTypeEntry;
import fluffy.models.ModelTypes;

/** The U-Nets reach the registry through their plugin.xml, as any contributed model type does (OSGi only). */
class ModelTypeRegistryTest {

    @Test
    void builtInUNetsAreContributedThroughTheExtensionPoint() {
        ModelTypeEntry binary = ModelTypes.find("unet.binary").orElseThrow();
        assertEquals("fluffy.models.unet", binary.contributor());
        assertEquals("Binary U-Net (semantic)", binary.name());
        assertInstanceOf(BinaryUNet.class, binary.create());
        assertInstanceOf(CategoricalUNet.class, ModelTypes.require("unet.categorical"));
        assertTrue(ModelTypes.problems().isEmpty(), ModelTypes.problems().toString());
    }

    @Test
    void anUnknownTypeIsReportedWithTheInstalledOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelTypes.require("resnet"));
        assertTrue(e.getMessage().contains("unet.binary") && e.getMessage().contains("unet.categorical"), e.getMessage());
    }
}
