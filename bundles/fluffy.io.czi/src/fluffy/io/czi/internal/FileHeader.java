package fluffy.io.czi.internal;

import java.nio.ByteBuffer;

import fluffy.io.ImageFormatException;
import fluffy.io.UnsupportedImageException;

/**
 * The {@code ZISRAWFILE} segment at the start of every CZI file: format version and where the subblock
 * directory, the metadata and the attachment directory are. A position of 0 means "none".
 */
record FileHeader(int major, int minor, long directoryPosition, long metadataPosition, long attachmentDirectoryPosition) {

    /** The magic id that starts every CZI file. */
    static final String MAGIC = "ZISRAWFILE";

    /** Bytes of the header's data that this reader uses. */
    private static final int LENGTH = 80;

    static FileHeader read(CziFile file) throws ImageFormatException {
        if (file.size() < CziFile.SEGMENT_HEADER) {
            throw file.problem("only " + file.size() + " bytes, too short for a CZI file: truncated or not a CZI file");
        }
        CziFile.Segment segment = file.segment(0, MAGIC, "the CZI file header");
        if (file.size() < segment.dataStart() + LENGTH) {
            throw file.problem("only " + file.size() + " bytes, too short for a CZI file header: truncated");
        }
        ByteBuffer data = file.read(segment.dataStart(), LENGTH, "the CZI file header");
        FileHeader header = new FileHeader(data.getInt(0), data.getInt(4), data.getLong(52), data.getLong(60),
                data.getLong(72));
        if (header.major != 1) {
            throw new UnsupportedImageException(file.path(), "CZI format version " + header.major + "." + header.minor
                    + " is not supported (only 1.x)");
        }
        if (header.directoryPosition <= 0) {
            throw file.problem("the CZI file header points to no subblock directory (position "
                    + header.directoryPosition + "): the file was not finished or is damaged");
        }
        return header;
    }
}
