package fluffy.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fluffy.io.ContentSniffer;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageSource;
import fluffy.io.UnsupportedImageException;

/**
 * Picks the reader for a file by its content, not its name: every format's sniffer looks at the first
 * bytes, and the accepting formats are tried in priority order. A reader that finds the file valid but
 * beyond it ({@link UnsupportedImageException}) passes it on to the next; the name only serves to
 * explain a refusal (a {@code .czi} whose content is no CZI lies about its type).
 */
public final class FormatChooser {

    private final FormatRegistry registry;

    public FormatChooser(FormatRegistry registry) {
        this.registry = registry;
    }

    public ImageSource open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImageFormatException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        if (Files.size(file) == 0) {
            throw new ImageFormatException(file, "the file is empty");
        }
        byte[] head = head(file);
        List<FormatContribution> accepting = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (FormatContribution c : registry.contributions()) {
            try {
                if (c.accepts(file, head)) {
                    accepting.add(c);
                }
            } catch (IOException e) {
                // A broken extension's sniffer must not keep the other formats from reading the file.
                broken.add(e.getMessage());
            }
        }
        if (accepting.isEmpty()) {
            throw refusal(file, broken);
        }
        List<String> reasons = new ArrayList<>();
        for (FormatContribution c : accepting) {
            try {
                return c.open(file);
            } catch (UnsupportedImageException e) {
                reasons.add(e.getMessage().substring(file.getFileName().toString().length() + 2));
            } catch (ImageFormatException e) {
                throw e;
            } catch (IOException e) {
                // Not a verdict on the file (a broken reader, or an I/O error): the next reader may do better.
                reasons.add(e.getMessage());
            }
        }
        reasons.addAll(broken);
        throw new ImageFormatException(file, reasons.stream().distinct().collect(Collectors.joining("; "))
                + bioFormatsHint(accepting));
    }

    private String bioFormatsHint(List<FormatContribution> tried) {
        boolean bioFormatsTried = tried.stream().anyMatch(c -> c.format().id().contains("bioformats"));
        return bioFormatsTried ? "" : " (installing Bio-Formats may help: see 'Bio-Formats' in the README)";
    }

    private ImageFormatException refusal(Path file, List<String> broken) {
        ImageFormatException refusal = refusal(file);
        return broken.isEmpty() ? refusal
                : new ImageFormatException(file, refusal.getMessage().substring(file.getFileName().toString().length() + 2)
                        + "; " + String.join("; ", broken));
    }

    private ImageFormatException refusal(Path file) {
        String name = file.getFileName().toString();
        List<String> claimedBy = registry.contributions().stream().filter(c -> c.format().matchesName(name))
                .map(c -> c.format().name()).toList();
        if (!claimedBy.isEmpty()) {
            return new ImageFormatException(file, "the name says " + String.join(" or ", claimedBy)
                    + " but the content is not (a damaged file, or one that lies about its type)");
        }
        String known = registry.contributions().stream().flatMap(c -> c.format().extensions().stream()).distinct()
                .sorted().collect(Collectors.joining(", "));
        int dot = name.lastIndexOf('.');
        String kind = dot > 0 ? "." + name.substring(dot + 1) + " files" : "files without an extension";
        return new ImageFormatException(file, "unknown image format: no installed reader knows " + kind
                + " (known extensions: " + known + ")");
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ContentSniffer.HEAD_BYTES);
        }
    }
}
