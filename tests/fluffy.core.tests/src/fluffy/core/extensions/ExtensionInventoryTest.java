package fluffy.core.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the inventory over a real Equinox extension registry filled with plugin.xml text. */
class ExtensionInventoryTest {

    private final PluginXmlRegistry plugins = new PluginXmlRegistry();
    private final IExtensionRegistry registry = plugins.registry;

    @BeforeEach
    void createRegistry() {
        contribute("fluffy.things", """
                <plugin>
                  <extension-point id="modelTypes" name="Model types"/>
                  <extension point="fluffy.things.modelTypes">
                    <modelType id="unet" name="U-Net" description="Built-in U-Net"/>
                  </extension>
                </plugin>""");
        contribute("org.example.ext", """
                <plugin>
                  <extension point="fluffy.things.modelTypes">
                    <modelType id="shallow" name="Shallow FCN"/>
                    <modelType id="bare"/>
                  </extension>
                  <extension point="other.point"><x id="ignored"/></extension>
                </plugin>""");
        contribute("other", """
                <plugin><extension-point id="point" name="Not Fluffy's"/></plugin>""");
    }

    @AfterEach
    void stopRegistry() {
        plugins.close();
    }

    private void contribute(String bundle, String pluginXml) {
        plugins.contribute(bundle, pluginXml);
    }

    @Test
    void onlyFluffyExtensionPointsAreListed() {
        assertEquals(List.of(new ExtensionPointInfo("fluffy.things.modelTypes", "Model types")),
                ExtensionInventory.extensionPoints(registry));
    }

    @Test
    void installedExtensionsComeFirstWithWhatTheyContribute() {
        List<ContributingBundle> bundles = ExtensionInventory.read(registry);

        assertEquals(List.of("org.example.ext", "fluffy.things"),
                bundles.stream().map(ContributingBundle::symbolicName).toList());
        ContributingBundle extension = bundles.get(0);
        assertFalse(extension.builtIn());
        assertEquals(List.of(new Contribution("fluffy.things.modelTypes", "modelType", "shallow", "Shallow FCN"),
                new Contribution("fluffy.things.modelTypes", "modelType", "bare", "")), extension.contributions());
        ContributingBundle builtIn = bundles.get(1);
        assertTrue(builtIn.builtIn());
        assertEquals("Built-in U-Net", builtIn.contributions().get(0).description(),
                "a description wins over the name");
    }

    @Test
    void bundlesThatAreNotInstalledHaveAnUnknownVersion() {
        // Contributors here are registry-only names, not installed bundles.
        assertEquals("unknown", ExtensionInventory.read(registry).get(0).version());
    }
}
