package fluffy.io.czi.internal;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One subblock as the directory (and each subblock's own header) describes it: a {@code DirectoryEntryDV}
 * of 32 bytes ("DV", pixel type, file position, file part, compression, pyramid type, 5 spare bytes,
 * dimension count) followed by 20 bytes per dimension (4-character name, start, size, float start
 * coordinate, stored size).
 *
 * @param index        position in the directory, for messages
 * @param pixelType    the CZI pixel type code
 * @param filePosition where the subblock segment starts
 * @param filePart     which file of a multi-file CZI holds the subblock (0: this one)
 * @param compression  the CZI compression code
 * @param dimensions   by name ({@code X}, {@code Y}, {@code C}, {@code Z}, {@code T}, {@code S}, {@code M}, ...)
 */
record DirectoryEntry(int index, int pixelType, long filePosition, int filePart, int compression,
        Map<String, Dimension> dimensions) {

    /** Bytes before the dimension entries. */
    static final int FIXED_SIZE = 32;
    /** Bytes per dimension entry. */
    static final int DIMENSION_SIZE = 20;
    /** More dimensions than this in one entry means a damaged directory (the format knows about 12). */
    static final int MAX_DIMENSIONS = 40;

    /** One dimension of a subblock: its start index (or pixel position) and logical and stored size. */
    record Dimension(int start, int size, int storedSize) {
    }

    DirectoryEntry {
        dimensions = Map.copyOf(dimensions);
    }

    /** Bytes an entry with {@code dimensionCount} dimensions takes. */
    static int length(int dimensionCount) {
        return FIXED_SIZE + DIMENSION_SIZE * dimensionCount;
    }

    /**
     * Parses the entry starting at the buffer's position and advances past it.
     *
     * @return {@code null} when the bytes do not form an entry (wrong schema or dimension count)
     */
    static DirectoryEntry parse(ByteBuffer buffer, int index) {
        if (buffer.remaining() < FIXED_SIZE || buffer.get(buffer.position()) != 'D'
                || buffer.get(buffer.position() + 1) != 'V') {
            return null;
        }
        int at = buffer.position();
        int pixelType = buffer.getInt(at + 2);
        long filePosition = buffer.getLong(at + 6);
        int filePart = buffer.getInt(at + 14);
        int compression = buffer.getInt(at + 18);
        int count = buffer.getInt(at + 28);
        if (count < 0 || count > MAX_DIMENSIONS || buffer.remaining() < length(count)) {
            return null;
        }
        Map<String, Dimension> dims = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int d = at + FIXED_SIZE + i * DIMENSION_SIZE;
            String name = CziFile.ascii(buffer, d, 4);
            dims.putIfAbsent(name, new Dimension(buffer.getInt(d + 4), buffer.getInt(d + 8), buffer.getInt(d + 16)));
        }
        buffer.position(at + length(count));
        return new DirectoryEntry(index, pixelType, filePosition, filePart, compression, dims);
    }

    /** The start of a dimension, or {@code fallback} when the entry does not have it. */
    int start(String dimension, int fallback) {
        Dimension d = dimensions.get(dimension);
        return d == null ? fallback : d.start();
    }

    Dimension x() {
        return dimensions.get("X");
    }

    Dimension y() {
        return dimensions.get("Y");
    }

    /** Whether the subblock holds full-resolution pixels (pyramid level 0): stored size equals logical size. */
    boolean fullResolution() {
        return x().size() == x().storedSize() && y().size() == y().storedSize();
    }

    /** For messages: {@code subblock 3 (C1 Z0 T2 at x=10, y=-5)}. */
    String describe() {
        StringBuilder text = new StringBuilder("subblock ").append(index).append(" (");
        dimensions.forEach((name, d) -> {
            if (!name.equals("X") && !name.equals("Y")) {
                text.append(name).append(d.start()).append(' ');
            }
        });
        Dimension x = x();
        Dimension y = y();
        return text.append("at x=").append(x == null ? "?" : x.start()).append(", y=")
                .append(y == null ? "?" : y.start()).append(')').toString();
    }
}
