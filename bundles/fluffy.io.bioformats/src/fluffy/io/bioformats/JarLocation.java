package fluffy.io.bioformats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * A Bio-Formats jar as configured, with the setting that named it, so that a wrong path can be reported
 * with the place to fix it.
 *
 * @param origin e.g. {@code $FLUFFY_BIOFORMATS_JAR}
 */
public record JarLocation(Path jar, String origin) {

    /** The class every Bio-Formats jar has and the bridge starts from. */
    public static final String READER_CLASS = "loci.formats.ImageReader";

    /** The first non-blank setting, in the order property, environment, preference. */
    public static Optional<JarLocation> first(String property, String environment, String preference) {
        if (property != null && !property.isBlank()) {
            return Optional.of(new JarLocation(Path.of(property.strip()), "--bioformats (" + BioFormats.PROPERTY + ")"));
        }
        if (environment != null && !environment.isBlank()) {
            return Optional.of(new JarLocation(Path.of(environment.strip()), "$" + BioFormats.ENVIRONMENT));
        }
        if (preference != null && !preference.isBlank()) {
            return Optional.of(new JarLocation(Path.of(preference.strip()), "the Bio-Formats preference"));
        }
        return Optional.empty();
    }

    /**
     * Checks that the file exists and holds Bio-Formats' reader.
     *
     * @return null when it does, else what is wrong, naming the file and the setting
     */
    public String problem() {
        if (!Files.isRegularFile(jar)) {
            return "the Bio-Formats jar " + jar + " (from " + origin + ") does not exist";
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(READER_CLASS.replace('.', '/') + ".class") == null) {
                return jar + " (from " + origin + ") is not a Bio-Formats jar: it has no " + READER_CLASS
                        + "; use bioformats_package.jar";
            }
            return null;
        } catch (IOException e) {
            return jar + " (from " + origin + ") is not a readable jar: " + e.getMessage();
        }
    }
}
