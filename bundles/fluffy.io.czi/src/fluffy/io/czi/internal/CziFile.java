package fluffy.io.czi.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import fluffy.io.ImageFormatException;

/**
 * Random access to the segments of a CZI (Zeiss ZISRAW) file. Every segment starts with a 32-byte
 * header: a 16-byte ASCII id, the allocated size and the used size of its data (little-endian int64).
 * Every read is checked against the end of the file, so a truncated or damaged file gives an
 * {@link ImageFormatException} naming the file and what is missing instead of a buffer error.
 */
final class CziFile implements Closeable {

    /** Size of a segment header: id, allocated size, used size. */
    static final int SEGMENT_HEADER = 32;

    private final Path path;
    private final FileChannel channel;
    private final long size;

    private CziFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
    }

    static CziFile open(Path path) throws IOException {
        return new CziFile(path, FileChannel.open(path, StandardOpenOption.READ));
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** A segment's header and where its data starts. */
    record Segment(String id, long position, long allocatedSize, long usedSize) {

        long dataStart() {
            return position + SEGMENT_HEADER;
        }
    }

    /**
     * Reads the segment header at {@code position} and checks that it has the expected id.
     *
     * @param what what the segment is for, used in messages ("the subblock directory")
     */
    Segment segment(long position, String expectedId, String what) throws ImageFormatException {
        if (position < 0 || position > size - SEGMENT_HEADER) {
            throw problem(what + " should be at byte " + position + ", but the file has only " + size
                    + " bytes: truncated or damaged");
        }
        ByteBuffer header = read(position, SEGMENT_HEADER, what);
        String id = ascii(header, 0, 16);
        long allocated = header.getLong(16);
        long used = header.getLong(24);
        if (!id.equals(expectedId)) {
            throw problem(what + " at byte " + position + " should be a " + expectedId + " segment, found "
                    + (id.isEmpty() ? "no segment id" : "'" + id + "'") + ": damaged");
        }
        if (allocated < 0 || used < 0) {
            throw problem(what + " at byte " + position + " has a negative size: damaged");
        }
        return new Segment(id, position, allocated, used);
    }

    /** Reads {@code length} bytes at {@code position} as a little-endian buffer. */
    ByteBuffer read(long position, int length, String what) throws ImageFormatException {
        if (length < 0 || position < 0 || position > size - length) {
            throw problem(what + " (" + length + " bytes at byte " + position + ") lies beyond the end of the file ("
                    + size + " bytes): truncated");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw problem(what + " ends early at byte " + (position + buffer.position()) + ": truncated");
                }
            }
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(path, "cannot read " + what + ": " + e.getMessage(), e);
        }
        return buffer.flip();
    }

    /** A message naming this file. */
    ImageFormatException problem(String message) {
        return new ImageFormatException(path, message);
    }

    /** A NUL-terminated (or full-length) ASCII string at {@code offset}; other bytes show as '?'. */
    static String ascii(ByteBuffer buffer, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = offset; i < offset + length && buffer.get(i) != 0; i++) {
            int b = buffer.get(i) & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
