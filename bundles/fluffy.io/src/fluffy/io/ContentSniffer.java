package fluffy.io;

/**
 * Decides from a file's first bytes whether a format can read it. It sees at most
 * {@link #HEAD_BYTES} bytes (fewer for short files) and must not do I/O; it is the reason a
 * {@code .tif} that is really a PNG still opens, and a {@code .czi} that is really text is reported.
 */
@FunctionalInterface
public interface ContentSniffer {

    /** How many leading bytes sniffers get. */
    int HEAD_BYTES = 512;

    boolean accepts(String fileName, byte[] head);
}
