package fluffy.io;

import java.util.Locale;
import java.util.Set;

/**
 * An image format as declared in {@code plugin.xml}: what the UI and {@code fluffy extensions} can show
 * without loading any of the contributor's classes.
 *
 * @param id          unique id, e.g. {@code fluffy.io.czi}
 * @param name        human-readable name
 * @param extensions  lower-case file name endings without the leading dot ({@code tif}, {@code ome.tif})
 * @param priority    higher is tried first when several formats accept a file; fallbacks are negative
 * @param contributor symbolic name of the contributing bundle
 */
public record ImageFormat(String id, String name, Set<String> extensions, int priority, String contributor) {

    public ImageFormat {
        extensions = Set.copyOf(extensions);
    }

    /** Whether the file name ends in one of this format's extensions (case ignored). */
    public boolean matchesName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(e -> lower.endsWith("." + e));
    }
}
