package fluffy.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IConfigurationElement;

import fluffy.core.extensions.ContributionRegistry;
import fluffy.io.ContentSniffer;
import fluffy.io.ImageFormat;
import fluffy.io.ImageReader;
import fluffy.io.ImageSource;

/**
 * One {@code format} element of the extension point: its metadata, read at once, and its sniffer and
 * reader, created on first use and always called through {@link SafeCall}.
 */
final class FormatContribution {

    private final ImageFormat format;
    private final IConfigurationElement element;
    private volatile ContentSniffer sniffer;
    private volatile ImageReader reader;

    private FormatContribution(ImageFormat format, IConfigurationElement element) {
        this.format = format;
        this.element = element;
    }

    /** Reads the declaration. @throws IllegalArgumentException saying which attribute is missing */
    static FormatContribution of(IConfigurationElement element) {
        String id = ContributionRegistry.required(element, FormatRegistry.ID);
        String name = ContributionRegistry.required(element, FormatRegistry.NAME);
        ContributionRegistry.required(element, FormatRegistry.READER);
        ContributionRegistry.required(element, FormatRegistry.SNIFFER);
        Set<String> extensions = Arrays.stream(nonNull(element.getAttribute(FormatRegistry.EXTENSIONS)).split(","))
                .map(e -> e.strip().toLowerCase(Locale.ROOT)).map(e -> e.startsWith(".") ? e.substring(1) : e)
                .filter(e -> !e.isEmpty()).collect(Collectors.toSet());
        int priority;
        try {
            priority = Integer.parseInt(nonNull(element.getAttribute(FormatRegistry.PRIORITY)).isBlank() ? "0"
                    : element.getAttribute(FormatRegistry.PRIORITY).strip());
        } catch (NumberFormatException e) {
            priority = 0;
        }
        return new FormatContribution(
                new ImageFormat(id, name, extensions, priority, element.getContributor().getName()), element);
    }

    ImageFormat format() {
        return format;
    }

    boolean accepts(Path file, byte[] head) throws IOException {
        return SafeCall.run(format.contributor(), "the " + format.name() + " content sniffer",
                () -> sniffer().accepts(file.getFileName().toString(), head));
    }

    ImageSource open(Path file) throws IOException {
        return SafeCall.run(format.contributor(), "the " + format.name() + " reader", () -> reader().open(file));
    }

    /** The reader's {@link ImageReader#setup()}, or why the reader cannot be created. */
    java.util.Optional<String> setup() {
        try {
            return SafeCall.run(format.contributor(), "the " + format.name() + " reader", () -> reader().setup());
        } catch (IOException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private ContentSniffer sniffer() throws IOException {
        if (sniffer == null) {
            sniffer = create("sniffer", ContentSniffer.class);
        }
        return sniffer;
    }

    private ImageReader reader() throws IOException {
        if (reader == null) {
            reader = create("reader", ImageReader.class);
        }
        return reader;
    }

    private <T> T create(String attribute, Class<T> type) throws IOException {
        try {
            return ContributionRegistry.create(element, attribute, type);
        } catch (IllegalStateException e) {
            throw new IOException("the " + attribute + " of format " + format.id() + " from bundle " + format.contributor()
                    + " cannot be created: " + e.getMessage(), e);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
