package fluffy.inference.bioimageio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a bioimage.io package: a zip with its description ({@code rdf.yaml}, or
 * {@code bioimageio.yaml}) inside, or the description file of an unpacked package with the files it names
 * beside it. Sources are relative to the description; a URL is refused, nothing is downloaded.
 */
final class PackageFiles {

    /** More than any ONNX model can be (2 GiB is protobuf's limit): bounds what a damaged zip makes us read. */
    private static final long MAX_ENTRY = Integer.MAX_VALUE - 16;

    private final Path file;
    private final Path folder;
    private final String prefix;
    private final String description;

    private PackageFiles(Path file, Path folder, String prefix, String description) {
        this.file = file;
        this.folder = folder;
        this.prefix = prefix;
        this.description = description;
    }

    static PackageFiles open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model package");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip")) {
            Path folder = file.toAbsolutePath().getParent();
            return new PackageFiles(file, folder, "", Files.readString(file));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry rdf = zip.stream().filter(e -> !e.isDirectory() && isDescription(e.getName()))
                    .min(Comparator.comparingInt(e -> e.getName().length())).orElseThrow(() -> new IOException(file
                            + ": a zip without rdf.yaml or bioimageio.yaml, so not a bioimage.io package"));
            String entry = rdf.getName();
            String prefix = entry.contains("/") ? entry.substring(0, entry.lastIndexOf('/') + 1) : "";
            return new PackageFiles(file, null, prefix, new String(read(zip, rdf), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isDescription(String entry) {
        String base = entry.substring(entry.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return base.equals("rdf.yaml") || base.equals("bioimageio.yaml") || base.endsWith(".bioimageio.yaml");
    }

    /** The description's text. */
    String description() {
        return description;
    }

    /** The bytes of a file the description names. */
    byte[] read(String source) throws IOException {
        if (source.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            throw new IOException(file + ": '" + source + "' is a URL; Fluffy downloads nothing: give the package "
                    + "as a zip that holds its files (the zoo's 'download' button)");
        }
        String relative = source.startsWith("./") ? source.substring(2) : source;
        if (folder != null) {
            Path p = folder.resolve(relative).normalize();
            if (!Files.isRegularFile(p)) {
                throw new IOException(file + ": names '" + source + "', which is not in " + folder);
            }
            return Files.readAllBytes(p);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(prefix + relative);
            if (e == null) {
                throw new IOException(file + ": names '" + source + "', which the zip does not hold");
            }
            return read(zip, e);
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
        if (e.getSize() > MAX_ENTRY) {
            throw new IOException(e.getName() + " is " + e.getSize() + " bytes, more than a model can be");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
