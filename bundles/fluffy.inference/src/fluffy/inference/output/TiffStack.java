package fluffy.inference.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes uncompressed little-endian TIFFs page by page, as ImageJ writes stacks: all pixel data first,
 * contiguously, then one IFD per page, with an ImageJ description giving the hyperstack layout. ImageJ
 * relies on that layout (it reads the first IFD and assumes the rest follow), and streaming pages keeps
 * memory at one page. Sample types are those label maps and probabilities need, including uint32 for
 * label maps with more than 65,535 objects, which ImageJ's own writer cannot produce.
 */
public final class TiffStack implements AutoCloseable {

    /** Sample types: bits and TIFF SampleFormat (1 unsigned integer, 3 IEEE float). */
    public enum Type {
        UINT8(8, 1), UINT16(16, 1), UINT32(32, 1), FLOAT32(32, 3);

        final int bits;
        final int format;

        Type(int bits, int format) {
            this.bits = bits;
            this.format = format;
        }
    }

    private final FileChannel channel;
    private final int width;
    private final int height;
    private final Type type;
    private final String description;
    private final List<Long> pages = new ArrayList<>();
    /** BigTIFF (64-bit offsets): for files beyond 4 GiB, which classic TIFF cannot address. */
    private final boolean big;
    private long position;

    /**
     * @param channels, slices, frames the hyperstack layout (pages in order channel, then z, then t)
     */
    public TiffStack(Path file, int width, int height, Type type, int channels, int slices, int frames)
            throws IOException {
        this(file, width, height, type, imageJDescription(channels, slices, frames));
    }

    /** ImageJ's hyperstack description, which Fiji reads the layout from. */
    static String imageJDescription(int channels, int slices, int frames) {
        int images = channels * slices * frames;
        return "ImageJ=1.54p\nimages=" + images + "\nchannels=" + channels + "\nslices=" + slices + "\nframes="
                + frames + (images > 1 ? "\nhyperstack=true\nmode=grayscale" : "") + "\nloop=false\n";
    }

    /** The same with another ImageDescription (ASCII), e.g. OME-XML; pages in the order it declares. */
    public TiffStack(Path file, int width, int height, Type type, String description) throws IOException {
        this(file, width, height, type, description, false);
    }

    /**
     * @param big whether to write BigTIFF, which files of more than 4 GiB need ({@link #needsBigTiff}); ImageJ
     *            does not read it, Fiji does through Bio-Formats
     */
    public TiffStack(Path file, int width, int height, Type type, String description, boolean big) throws IOException {
        this.big = big;
        this.position = big ? 16 : 8;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.width = width;
        this.height = height;
        this.type = type;
        this.description = description + "\0";
    }

    /** Appends a page of ints (stored as this stack's integer type). */
    public void page(int[] values) throws IOException {
        page((y, out) -> System.arraycopy(values, y * width, out, 0, width));
    }

    /** Whether {@code pages} pages of this size and type need BigTIFF (with room for the directories). */
    public static boolean needsBigTiff(int width, int height, Type type, int pages) {
        return (long) width * height * type.bits / 8 * pages + (1 << 20) > 0xffffffffL;
    }

    /** A source of integer rows: fills {@code out} (one row) with row {@code y}. */
    public interface IntRows {
        void row(int y, int[] out) throws IOException;
    }

    /** Appends a page of ints given row by row: pages larger than memory. */
    public void page(IntRows rows) throws IOException {
        ByteBuffer row = rowBuffer();
        int[] values = new int[width];
        long start = position;
        for (int y = 0; y < height; y++) {
            rows.row(y, values);
            row.clear();
            for (int x = 0; x < width; x++) {
                int v = values[x];
                switch (type) {
                    case UINT8 -> row.put((byte) v);
                    case UINT16 -> row.putShort((short) v);
                    case UINT32 -> row.putInt(v);
                    case FLOAT32 -> row.putFloat(v);
                }
            }
            writeRow(row);
        }
        pages.add(start);
    }

    /** Appends a page of floats (for {@link Type#FLOAT32}). */
    public void page(java.util.function.IntToDoubleFunction value) throws IOException {
        ByteBuffer row = rowBuffer();
        long start = position;
        for (int y = 0; y < height; y++) {
            row.clear();
            for (int x = 0; x < width; x++) {
                row.putFloat((float) value.applyAsDouble(y * width + x));
            }
            writeRow(row);
        }
        pages.add(start);
    }

    private ByteBuffer rowBuffer() {
        return ByteBuffer.allocate(width * type.bits / 8).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void writeRow(ByteBuffer row) throws IOException {
        row.flip();
        while (row.hasRemaining()) {
            position += channel.write(row, position);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            byte[] text = description.getBytes(StandardCharsets.US_ASCII);
            long descriptionAt = position;
            write(ByteBuffer.wrap(text));
            if (position % 2 != 0) {
                write(ByteBuffer.wrap(new byte[1]));
            }
            long first = position;
            for (int p = 0; p < pages.size(); p++) {
                boolean last = p == pages.size() - 1;
                write(ifd(pages.get(p), p == 0 ? descriptionAt : -1, text.length, last ? 0 : position + ifdSize(p)));
            }
            ByteBuffer header = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) 'I').put((byte) 'I');
            if (big) {
                header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(first);
            } else {
                header.putShort((short) 42).putInt((int) first);
            }
            header.flip();
            channel.write(header, 0);
        } finally {
            channel.close();
        }
    }

    private void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            position += channel.write(data, position);
        }
    }

    private static int entries(int page) {
        return page == 0 ? 12 : 11;
    }

    private long ifdSize(int page) {
        return big ? 8 + 20L * entries(page) + 8 : 2 + 12L * entries(page) + 4;
    }

    private ByteBuffer ifd(long stripOffset, long descriptionAt, int descriptionLength, long next) {
        if (!big && (next > 0xffffffffL || stripOffset > 0xffffffffL)) {
            throw new IllegalStateException("the TIFF would exceed 4 GiB; write it as BigTIFF");
        }
        int page = descriptionAt >= 0 ? 0 : 1;
        ByteBuffer b = ByteBuffer.allocate((int) ifdSize(page)).order(ByteOrder.LITTLE_ENDIAN);
        if (big) {
            b.putLong(entries(page));
        } else {
            b.putShort((short) entries(page));
        }
        entry(b, 256, 4, 1, width);
        entry(b, 257, 4, 1, height);
        entry(b, 258, 3, 1, type.bits);
        entry(b, 259, 3, 1, 1); // no compression
        entry(b, 262, 3, 1, 1); // black is zero
        if (descriptionAt >= 0) {
            entry(b, 270, 2, descriptionLength, descriptionAt);
        }
        int offsetType = big ? 16 : 4; // LONG8 in BigTIFF
        entry(b, 273, offsetType, 1, stripOffset);
        entry(b, 277, 3, 1, 1);
        entry(b, 278, 4, 1, height); // one strip per page
        entry(b, 279, offsetType, 1, (long) width * height * type.bits / 8);
        entry(b, 284, 3, 1, 1);
        entry(b, 339, 3, 1, type.format);
        if (big) {
            b.putLong(next);
        } else {
            b.putInt((int) next);
        }
        b.flip();
        return b;
    }

    /**
     * An IFD entry (12 bytes, or 20 in BigTIFF); a SHORT value sits in the first two bytes of the value field,
     * other values and offsets fill it (4 bytes, or 8 in BigTIFF: little-endian, so a LONG reads the same).
     */
    private void entry(ByteBuffer b, int tag, int fieldType, int count, long value) {
        b.putShort((short) tag).putShort((short) fieldType);
        if (big) {
            b.putLong(count);
        } else {
            b.putInt(count);
        }
        int field = b.position();
        if (fieldType == 3 && count == 1) {
            b.putShort((short) value);
        } else if (big) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
        b.position(field + (big ? 8 : 4));
    }
}
