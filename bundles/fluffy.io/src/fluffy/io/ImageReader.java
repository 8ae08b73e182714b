package fluffy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens files of one format. Contributed through the {@code fluffy.io.imageFormats} extension point;
 * implementations need a public no-argument constructor and must be safe to call from any thread.
 */
public interface ImageReader {

    /**
     * Opens a file and reads its header.
     *
     * @throws UnsupportedImageException when the file is valid but uses something this reader cannot
     *                                   read (another reader, e.g. Bio-Formats, is then tried)
     * @throws ImageFormatException      when the file is damaged or not of this format
     * @throws IOException               when it cannot be read at all
     */
    ImageSource open(Path file) throws IOException;

    /**
     * What this reader relies on beyond Fluffy and what it found of it, for {@code fluffy version} and the
     * logs, e.g. {@code Bio-Formats 4.4.10 from /opt/bioformats_package.jar ($FLUFFY_BIOFORMATS_JAR)}; empty
     * when there is nothing to say (the reader is all Fluffy's own).
     */
    default Optional<String> setup() {
        return Optional.empty();
    }
}
