package fluffy.io;

import java.nio.file.Path;

/**
 * A well-formed file that uses a feature the reader lacks (a tiled TIFF, JPEG-XR in a CZI). The
 * registry then tries the next reader that accepts the file, such as Bio-Formats.
 */
public class UnsupportedImageException extends ImageFormatException {

    private static final long serialVersionUID = 1L;

    public UnsupportedImageException(Path file, String problem) {
        super(file, problem);
    }
}
