package fluffy.io.internal.imagej;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import fluffy.io.ImageFormatException;

/**
 * What the first IFD of a TIFF file says, read without ImageJ: enough to refuse what ImageJ cannot
 * read (BigTIFF, tiles), to check the claimed size before anything is allocated, and to find OME-XML.
 *
 * @param pages   number of IFDs in the chain (stops at {@value #MAX_PAGES} or a loop)
 * @param dataEnd where the first page's last strip ends (offset plus byte count), 0 when unknown
 */
record TiffHeader(boolean bigTiff, boolean tiled, long width, long height, int bitsPerSample, int samplesPerPixel,
        int compression, String description, int pages, long dataEnd) {

    static final int MAX_PAGES = 1_000_000;

    private static final int WIDTH = 256, HEIGHT = 257, BITS = 258, COMPRESSION = 259, DESCRIPTION = 270,
            SAMPLES = 277, TILE_WIDTH = 322, STRIP_OFFSETS = 273, STRIP_BYTE_COUNTS = 279;
    /** Strip tables longer than this are not checked (ImageJ reads them; checking costs memory). */
    private static final long MAX_STRIPS = 1 << 20;

    /** Bytes of pixel data the first page needs once decoded. */
    long pageBytes() {
        try {
            return Math.multiplyExact(Math.multiplyExact(width, height),
                    (long) Math.max(1, samplesPerPixel) * Math.max(1, (bitsPerSample + 7) / 8));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static TiffHeader read(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] start = new byte[8];
            raf.readFully(start);
            ByteOrder order = start[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            int magic = ByteBuffer.wrap(start, 2, 2).order(order).getShort() & 0xffff;
            if (magic == 43) {
                return new TiffHeader(true, false, 0, 0, 0, 0, 0, "", 1, 0);
            }
            long ifd = ByteBuffer.wrap(start, 4, 4).order(order).getInt() & 0xffffffffL;
            return parse(file, raf, order, ifd);
        } catch (java.io.EOFException e) {
            throw new ImageFormatException(file, "the TIFF header is truncated");
        }
    }

    private static TiffHeader parse(Path file, RandomAccessFile raf, ByteOrder order, long firstIfd) throws IOException {
        long length = raf.length();
        if (firstIfd < 8 || firstIfd + 2 > length) {
            throw new ImageFormatException(file, "the TIFF directory offset " + firstIfd + " is outside the file ("
                    + length + " bytes): truncated or damaged");
        }
        long width = 0, height = 0;
        int bits = 1, samples = 1, compression = 1;
        boolean tiled = false;
        String description = "";
        long[] offsets = null;
        long[] counts = null;
        ByteBuffer ifd = readAt(raf, order, firstIfd, 2);
        int count = ifd.getShort() & 0xffff;
        ByteBuffer entries = readAt(file, raf, order, firstIfd + 2, count * 12L + 4);
        for (int i = 0; i < count; i++) {
            int tag = entries.getShort() & 0xffff;
            int type = entries.getShort() & 0xffff;
            long n = entries.getInt() & 0xffffffffL;
            int valuePos = entries.position();
            long value = type == 3 ? entries.getShort() & 0xffff : entries.getInt() & 0xffffffffL;
            entries.position(valuePos + 4);
            switch (tag) {
                case WIDTH -> width = value;
                case HEIGHT -> height = value;
                case BITS -> bits = n * 2 <= 4 ? (int) value : firstShort(raf, order, entries.getInt(valuePos) & 0xffffffffL, n);
                case COMPRESSION -> compression = (int) value;
                case SAMPLES -> samples = (int) value;
                case TILE_WIDTH -> tiled = true;
                case DESCRIPTION -> description = ascii(raf, order, entries, valuePos, n);
                case STRIP_OFFSETS -> offsets = longs(raf, order, entries, valuePos, type, n);
                case STRIP_BYTE_COUNTS -> counts = longs(raf, order, entries, valuePos, type, n);
                default -> { }
            }
        }
        return new TiffHeader(false, tiled, width, height, bits, samples, compression, description,
                countPages(raf, order, firstIfd, entries.getInt() & 0xffffffffL), end(offsets, counts));
    }

    private static long end(long[] offsets, long[] counts) {
        if (offsets == null || counts == null || offsets.length != counts.length) {
            return 0;
        }
        long end = 0;
        for (int i = 0; i < offsets.length; i++) {
            end = Math.max(end, offsets[i] + counts[i]);
        }
        return end;
    }

    /** A SHORT or LONG array, inline in the entry when it fits in 4 bytes; null when absent or huge. */
    private static long[] longs(RandomAccessFile raf, ByteOrder order, ByteBuffer entries, int valuePos, int type, long n)
            throws IOException {
        int size = type == 3 ? 2 : type == 4 ? 4 : 0;
        if (size == 0 || n <= 0 || n > MAX_STRIPS) {
            return null;
        }
        ByteBuffer values;
        if (n * size <= 4) {
            values = ByteBuffer.wrap(new byte[4]).order(order);
            entries.get(valuePos, values.array(), 0, 4);
        } else {
            long offset = entries.getInt(valuePos) & 0xffffffffL;
            if (offset + n * size > raf.length()) {
                return null;
            }
            values = readAt(raf, order, offset, n * size);
        }
        long[] out = new long[(int) n];
        for (int i = 0; i < out.length; i++) {
            out[i] = size == 2 ? values.getShort(i * 2) & 0xffff : values.getInt(i * 4) & 0xffffffffL;
        }
        return out;
    }

    private static int countPages(RandomAccessFile raf, ByteOrder order, long first, long next) throws IOException {
        int pages = 1;
        long previous = first;
        // Offsets must grow or at least change; a loop in the chain would otherwise never end.
        while (next != 0 && next != previous && next + 2 <= raf.length() && pages < MAX_PAGES) {
            pages++;
            previous = next;
            int n = readAt(raf, order, next, 2).getShort() & 0xffff;
            long at = next + 2 + n * 12L;
            if (at + 4 > raf.length()) {
                break;
            }
            next = readAt(raf, order, at, 4).getInt() & 0xffffffffL;
        }
        return pages;
    }

    private static int firstShort(RandomAccessFile raf, ByteOrder order, long offset, long n) throws IOException {
        return offset + 2 <= raf.length() ? readAt(raf, order, offset, 2).getShort() & 0xffff : 0;
    }

    private static String ascii(RandomAccessFile raf, ByteOrder order, ByteBuffer entries, int valuePos, long n)
            throws IOException {
        int length = (int) Math.min(n, 1 << 20);
        byte[] bytes = new byte[length];
        if (length <= 4) {
            entries.get(valuePos, bytes, 0, length);
        } else {
            long offset = entries.getInt(valuePos) & 0xffffffffL;
            if (offset + length > raf.length()) {
                return "";
            }
            raf.seek(offset);
            raf.readFully(bytes);
        }
        return new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
    }

    private static ByteBuffer readAt(RandomAccessFile raf, ByteOrder order, long offset, long length) throws IOException {
        byte[] bytes = new byte[(int) length];
        raf.seek(offset);
        raf.readFully(bytes);
        return ByteBuffer.wrap(bytes).order(order);
    }

    private static ByteBuffer readAt(Path file, RandomAccessFile raf, ByteOrder order, long offset, long length)
            throws IOException {
        if (offset + length > raf.length()) {
            throw new ImageFormatException(file, "the TIFF directory runs past the end of the file: truncated or damaged");
        }
        return readAt(raf, order, offset, length);
    }
}
