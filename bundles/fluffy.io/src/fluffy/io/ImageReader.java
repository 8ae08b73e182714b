package fluffy.io;

import java.io.IOException;
import java.nio.file.Path;

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
}
