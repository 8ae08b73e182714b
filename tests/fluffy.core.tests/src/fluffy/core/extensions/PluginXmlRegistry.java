package fluffy.core.extensions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/** A real Equinox extension registry of its own, filled with plugin.xml text, for tests. */
final class PluginXmlRegistry implements AutoCloseable {

    private final Object token = new Object();
    final IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, null);

    /** Adds {@code pluginXml} as the plugin.xml of bundle {@code bundle}. */
    void contribute(String bundle, String pluginXml) {
        boolean added = registry.addContribution(new ByteArrayInputStream(pluginXml.getBytes(StandardCharsets.UTF_8)),
                ContributorFactorySimple.createContributor(bundle), false, bundle, null, token);
        assertTrue(added, "the registry accepted " + bundle);
    }

    @Override
    public void close() {
        registry.stop(token);
    }
}
