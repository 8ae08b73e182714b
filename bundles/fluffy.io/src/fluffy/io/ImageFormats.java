package fluffy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import fluffy.io.internal.FormatChooser;
import fluffy.io.internal.FormatRegistry;

/**
 * The image formats contributed to the {@code fluffy.io.imageFormats} extension point, and the way to
 * open any image file with the right one. The list follows bundles as they are installed and removed.
 */
public final class ImageFormats {

    private static volatile ImageFormats platform;

    private final FormatRegistry registry;
    private final FormatChooser chooser;

    private ImageFormats(FormatRegistry registry) {
        this.registry = registry;
        this.chooser = new FormatChooser(registry);
    }

    /** The formats of the running platform. */
    public static ImageFormats platform() {
        ImageFormats result = platform;
        if (result == null) {
            synchronized (ImageFormats.class) {
                if (platform == null) {
                    platform = new ImageFormats(FormatRegistry.platform());
                }
                result = platform;
            }
        }
        return result;
    }

    /** Every format, highest priority first. */
    public List<ImageFormat> formats() {
        return registry.formats();
    }

    /** Declarations left out of {@link #formats()} (malformed, or an id already taken), one sentence each. */
    public List<String> problems() {
        return registry.problems();
    }

    /**
     * What the readers rely on and found of it (e.g. the Bio-Formats jar and its version), one line per
     * format that has something to say.
     */
    public List<String> setups() {
        return registry.setups();
    }

    /** Whether some format claims this file name by its extension. */
    public boolean claims(Path file) {
        String name = file.getFileName().toString();
        return formats().stream().anyMatch(f -> f.matchesName(name));
    }

    /**
     * Opens an image file with the first format, by priority, whose sniffer accepts its content and
     * whose reader can read it.
     *
     * @throws ImageFormatException naming the file and the problem: unknown format, a name that does not
     *                              match the content, damaged content, or a feature no installed reader has
     */
    public ImageSource open(Path file) throws IOException {
        return chooser.open(file);
    }
}
