package fluffy.models.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;

import fluffy.core.extensions.ContributionRegistry;
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
        assertInstanceOf(ResidualCategoricalUNet.class, ModelTypes.require("unet.residual"));
        assertTrue(ModelTypes.problems().isEmpty(), ModelTypes.problems().toString());
    }

    /** The default type is declared, not coded: plugin.xml says default="true" for the categorical U-Net. */
    @Test
    void theDefaultTypeIsTheOneItsDeclarationCallsDefault() {
        assertEquals("unet.categorical", ModelTypes.defaultEntry().id());
        assertTrue(ModelTypes.defaultEntry().isDefault());
        assertEquals(false, ModelTypes.find("unet.binary").orElseThrow().isDefault());

        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, null);
        try {
            add(registry, token, "fluffy.models", "<plugin><extension-point id=\"modelTypes\" name=\"Model types\"/></plugin>");
            add(registry, token, "org.example.two", """
                    <plugin><extension point="fluffy.models.modelTypes">
                        <modelType id="z.mine" name="Z" default="true" class="x.Z"/>
                        <modelType id="b.other" name="B" class="x.B"/>
                        <modelType id="m.also" name="M" default="true" class="x.M"/>
                      </extension></plugin>""");
            ContributionRegistry<ModelTypeEntry> types = ModelTypes.registry(registry);
            assertEquals("m.also", ModelTypes.defaultOf(types.all()).id(), "of two defaults, the first by id");
            assertEquals("b.other", ModelTypes.defaultOf(types.all().stream().filter(e -> !e.isDefault()).toList()).id(),
                    "without a declared default, the first by id");
            types.dispose();
        } finally {
            registry.stop(token);
        }
    }

    private static void add(IExtensionRegistry registry, Object token, String bundle, String xml) {
        assertTrue(registry.addContribution(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                ContributorFactorySimple.createContributor(bundle), false, bundle, null, token));
    }

    @Test
    void anUnknownTypeIsReportedWithTheInstalledOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelTypes.require("resnet"));
        assertTrue(e.getMessage().contains("unet.binary") && e.getMessage().contains("unet.categorical"), e.getMessage());
    }
}
