package fluffy.io.czi.internal;

import java.nio.ByteBuffer;

import fluffy.io.ImageFormatException;
import fluffy.io.files.MemoryBudget;

/**
 * Reads the pixel data of one {@code ZISRAWSUBBLOCK} segment: metadata size (int32), attachment size
 * (int32), data size (int64), a copy of the directory entry, padding to at least 256 bytes, then the
 * subblock's XML metadata, its (possibly compressed) pixel data and its attachment.
 */
final class SubBlockReader {

    static final String ID = "ZISRAWSUBBLOCK";
    private static final int MIN_HEADER = 256;
    private static final int SIZES = 16;

    private SubBlockReader() {
    }

    /** The stored bytes of the subblock's pixel data, as they are in the file (compressed or not). */
    static byte[] data(CziFile file, DirectoryEntry entry) throws ImageFormatException {
        String what = entry.describe();
        CziFile.Segment segment = file.segment(entry.filePosition(), ID, what);
        ByteBuffer head = file.read(segment.dataStart(), SIZES + DirectoryEntry.FIXED_SIZE, what);
        int metadataSize = head.getInt(0);
        long dataSize = head.getLong(8);
        int dimensionCount = head.getInt(SIZES + 28);
        if (metadataSize < 0 || dataSize < 0 || dimensionCount < 0 || dimensionCount > DirectoryEntry.MAX_DIMENSIONS) {
            throw file.problem(what + " has a damaged header (metadata size " + metadataSize + ", data size " + dataSize
                    + ", " + dimensionCount + " dimensions)");
        }
        long headerSize = Math.max(MIN_HEADER, SIZES + DirectoryEntry.length(dimensionCount));
        long start = segment.dataStart() + headerSize + metadataSize;
        if (dataSize > file.size() - start) {
            throw file.problem(what + " claims " + dataSize + " bytes of pixel data at byte " + start + ", but the file has "
                    + Math.max(0, file.size() - start) + " bytes after it: truncated");
        }
        if (dataSize > Integer.MAX_VALUE - 8) {
            throw file.problem(what + " holds more than 2 GiB of pixel data: not supported");
        }
        MemoryBudget.check(file.path(), dataSize, what);
        return file.read(start, (int) dataSize, what).array();
    }
}
