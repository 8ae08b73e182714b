package fluffy.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be read as an image; the message names the file and the problem. */
public class ImageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ImageFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
