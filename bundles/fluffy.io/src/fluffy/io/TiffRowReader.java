package fluffy.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import fluffy.core.image.Plane;
import fluffy.io.internal.tiff.Codecs;
import fluffy.io.internal.tiff.Ifd;

/**
 * Reads the first page of a grey TIFF band by band, decoding only the strips or tiles a band covers: how an
 * image too large to hold (e.g. 40000 x 40000 uint16) is predicted. Classic TIFF and BigTIFF, either byte
 * order, strips or tiles, uncompressed, LZW, Deflate or PackBits with or without horizontal differencing;
 * 8-, 16- and 32-bit integers (signed or not) and 32- or 64-bit floats. Memory is one band plus one row of
 * strips or tiles. Not thread-safe.
 */
public final class TiffRowReader implements RowReader {

    private final Path file;
    private final FileChannel channel;
    private final Ifd ifd;
    private final int bytesPerSample;
    /** The decoded row of segments (a strip, or a row of tiles) last used: bands overlap at their edges. */
    private int cachedSegmentRow = -1;
    private byte[] cached;

    private TiffRowReader(Path file, FileChannel channel, Ifd ifd) {
        this.file = file;
        this.channel = channel;
        this.ifd = ifd;
        this.bytesPerSample = ifd.bitsPerSample() / 8;
    }

    /**
     * The first page of {@code file} when it is a TIFF of a layout this reader decodes; empty when it is a
     * TIFF of another kind (several samples per pixel, JPEG, 1-bit, ...), which other readers may take.
     *
     * @throws ImageFormatException naming the file when it is not a TIFF or its directory is damaged
     */
    public static Optional<TiffRowReader> open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            Ifd ifd = Ifd.readFirst(file, channel);
            if (ifd.unsupported() != null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new TiffRowReader(file, channel, ifd));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Why {@code file} is not read by this reader (empty when it is), for messages. */
    public static Optional<String> unsupported(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Optional.ofNullable(Ifd.readFirst(file, channel).unsupported());
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int width() {
        return ifd.width();
    }

    @Override
    public int height() {
        return ifd.height();
    }

    /** Whether the file has pages after the first (which this reader does not read). */
    public boolean morePages() {
        return ifd.nextIfd() != 0;
    }

    public boolean bigTiff() {
        return ifd.bigTiff();
    }

    public boolean tiled() {
        return ifd.tiled();
    }

    /**
     * The physical pixel size the page gives: its resolution in ImageJ's unit, or in TIFF's resolution unit
     * (inch or cm); {@link PixelSize#UNKNOWN} without one.
     */
    public PixelSize pixelSize() {
        Ifd.Resolution r = ifd.resolution();
        return new PixelSize(PixelSize.micrometres(1 / r.x(), r.unit()), PixelSize.micrometres(1 / r.y(), r.unit()),
                Double.NaN);
    }

    /** The samples' type, as {@link ImageInfo} names it. */
    public PixelType pixelType() {
        return ifd.pixelType();
    }

    @Override
    public Plane rows(int y0, int rows) throws IOException {
        int w = ifd.width();
        if (y0 < 0 || rows <= 0 || (long) y0 + rows > ifd.height()) {
            throw new IndexOutOfBoundsException("rows " + y0 + ".." + ((long) y0 + rows - 1) + " of " + ifd.height());
        }
        float[] out = new float[Math.multiplyExact(rows, w)];
        int segmentHeight = ifd.segmentHeight();
        for (int s = y0 / segmentHeight; s <= (y0 + rows - 1) / segmentHeight; s++) {
            byte[] segmentRow = segmentRow(s);
            int top = s * segmentHeight;
            int from = Math.max(y0, top);
            int to = Math.min(y0 + rows, Math.min(top + segmentHeight, ifd.height()));
            for (int y = from; y < to; y++) {
                convert(segmentRow, (long) (y - top) * w * bytesPerSample, out, (y - y0) * w, w);
            }
        }
        return new Plane(w, rows, out);
    }

    /**
     * Segment row {@code s} decoded into {@code segmentHeight x width} samples in the file's byte order:
     * one strip, or the tiles of one tile row side by side with their padding cut off.
     */
    private byte[] segmentRow(int s) throws IOException {
        if (s == cachedSegmentRow) {
            return cached;
        }
        int w = ifd.width();
        int segmentHeight = ifd.segmentHeight();
        byte[] row = new byte[Math.multiplyExact(Math.multiplyExact(segmentHeight, w), bytesPerSample)];
        if (!ifd.tiled()) {
            int rowsHere = Math.min(segmentHeight, ifd.height() - s * segmentHeight);
            byte[] strip = decode(s, rowsHere, w);
            System.arraycopy(strip, 0, row, 0, Math.min(strip.length, row.length));
        } else {
            int tw = ifd.tileWidth();
            int across = ifd.tilesAcross();
            int tileRowBytes = tw * bytesPerSample;
            for (int t = 0; t < across; t++) {
                byte[] tile = decode(s * across + t, segmentHeight, tw);
                int x0 = t * tw;
                int copy = Math.min(tw, w - x0) * bytesPerSample;
                for (int y = 0; y < segmentHeight; y++) {
                    System.arraycopy(tile, y * tileRowBytes, row, (y * w + x0) * bytesPerSample, copy);
                }
            }
        }
        cachedSegmentRow = s;
        cached = row;
        return row;
    }

    /** Segment {@code index} decompressed and un-differenced: {@code rows x columns} samples. */
    private byte[] decode(int index, int rows, int columns) throws IOException {
        long offset = ifd.segmentOffset(index);
        long count = ifd.segmentByteCount(index);
        int expected = Math.multiplyExact(Math.multiplyExact(rows, columns), bytesPerSample);
        if (offset == 0 && count == 0) {
            return new byte[expected]; // a sparse file's empty segment
        }
        if (count > Integer.MAX_VALUE - 16 || offset < 0 || offset + count > channel.size()) {
            throw new ImageFormatException(file, "segment " + index + " (" + count + " bytes at " + offset
                    + ") lies outside the file (" + channel.size() + " bytes): truncated or damaged");
        }
        ByteBuffer raw = ByteBuffer.allocate((int) count);
        while (raw.hasRemaining()) {
            if (channel.read(raw, offset + raw.position()) < 0) {
                throw new ImageFormatException(file, "the file ends inside segment " + index + ": truncated");
            }
        }
        byte[] data;
        try {
            data = Codecs.decompress(ifd.compression(), raw.array(), expected);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(file, "segment " + index + " cannot be decoded (" + e.getMessage()
                    + "): damaged");
        }
        if (data.length < expected) {
            throw new ImageFormatException(file, "segment " + index + " decodes to " + data.length + " bytes, "
                    + expected + " expected: truncated or damaged");
        }
        if (ifd.predictor() == 2) {
            Codecs.undoHorizontalDifferencing(data, rows, columns, bytesPerSample, ifd.order());
        }
        return data;
    }

    /** {@code n} samples of the file's type from {@code bytes} at {@code at} to floats. */
    private void convert(byte[] bytes, long at, float[] out, int to, int n) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ifd.order());
        int p = Math.toIntExact(at);
        switch (ifd.pixelType()) {
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = bytes[p + i] & 0xff;
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = bytes[p + i];
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = b.getShort(p + 2 * i) & 0xffff;
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = b.getShort(p + 2 * i);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = b.getInt(p + 4 * i) & 0xffffffffL;
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = b.getInt(p + 4 * i);
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = b.getFloat(p + 4 * i);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[to + i] = (float) b.getDouble(p + 8 * i);
                }
            }
            default -> throw new IllegalStateException("unexpected " + ifd.pixelType());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
