package fluffy.io.bioformats.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;

import fluffy.io.ContentSniffer;
import fluffy.io.bioformats.BioFormats;

/**
 * With a jar configured, Bio-Formats gets every file (it is the last resort: its priority is the lowest,
 * and it decides itself whether it can read the file). Without one it accepts only the extensions it
 * declares, those only Bio-Formats reads, so that such files fail with the way to install it, while a
 * damaged TIFF still gets the TIFF reader's diagnosis.
 */
public final class BioFormatsSniffer implements ContentSniffer, IExecutableExtension {

    private Set<String> extensions = Set.of();

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        // The extensions come from this format's own declaration, so plugin.xml stays the only list.
        String declared = config.getAttribute("extensions");
        extensions = declared == null ? Set.of()
                : Arrays.stream(declared.split(",")).map(e -> e.strip().toLowerCase(Locale.ROOT))
                        .filter(e -> !e.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean accepts(String fileName, byte[] head) {
        return BioFormats.configured().isPresent() || declares(fileName);
    }

    boolean declares(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(e -> lower.endsWith("." + e));
    }
}
