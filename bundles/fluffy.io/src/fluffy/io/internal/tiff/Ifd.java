package fluffy.io.internal.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import fluffy.io.ImageFormatException;
import fluffy.io.PixelType;

/**
 * The first image file directory of a TIFF or BigTIFF: size, sample type, compression and where its strips or
 * tiles are. The segment tables stay in the file and are read entry by entry when a segment is needed, so a
 * 40000 x 40000 image with a million strips costs no memory here.
 *
 * @param unsupported why the page is not one {@link fluffy.io.TiffRowReader} decodes, or null
 */
public record Ifd(Path file, FileChannel channel, ByteOrder order, boolean bigTiff, int width, int height,
        int bitsPerSample, PixelType pixelType, int compression, int predictor, boolean tiled, int tileWidth,
        int segmentHeight, Entry offsets, Entry byteCounts, long nextIfd, String unsupported, Resolution resolution) {

    /**
     * What the page says of its pixel size: pixels per {@code unit} across and down (TIFF's XResolution and
     * YResolution), the unit from ImageJ's description ({@code unit=micron}) or else TIFF's ResolutionUnit
     * when it is centimetres (an inch is most often a screen's 72 dpi). NaN and empty where absent.
     */
    public record Resolution(double x, double y, String unit) {

        static final Resolution NONE = new Resolution(Double.NaN, Double.NaN, "");
    }

    static final int NONE = 1, LZW = 5, DEFLATE = 8, DEFLATE_OLD = 32946, PACKBITS = 32773;

    private static final int WIDTH = 256, HEIGHT = 257, BITS = 258, COMPRESSION = 259, PHOTOMETRIC = 262,
            STRIP_OFFSETS = 273, SAMPLES = 277, ROWS_PER_STRIP = 278, STRIP_BYTE_COUNTS = 279,
            PREDICTOR = 317, TILE_WIDTH = 322, TILE_LENGTH = 323, TILE_OFFSETS = 324, TILE_BYTE_COUNTS = 325,
            SAMPLE_FORMAT = 339, DESCRIPTION = 270, X_RESOLUTION = 282, Y_RESOLUTION = 283, RESOLUTION_UNIT = 296;
    /** Bytes of each TIFF field type, by type number (0 unused). */
    private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

    /** One directory entry: a field's type, count and where its values are (inline or in the file). */
    public record Entry(int type, long count, long valuesAt) {
    }

    public int tilesAcross() {
        return tiled ? (width + tileWidth - 1) / tileWidth : 1;
    }

    /** Offset of strip or tile {@code index}. */
    public long segmentOffset(int index) throws IOException {
        return value(offsets, index);
    }

    public long segmentByteCount(int index) throws IOException {
        return value(byteCounts, index);
    }

    private long value(Entry entry, int index) throws IOException {
        if (index < 0 || index >= entry.count()) {
            throw new ImageFormatException(file, "segment " + index + " is missing from the table of " + entry.count()
                    + ": damaged");
        }
        int size = TYPE_SIZE[entry.type()];
        ByteBuffer b = read(channel, file, entry.valuesAt() + (long) index * size, size, order);
        return number(b, entry.type());
    }

    /** Reads the first directory of {@code file}. */
    public static Ifd readFirst(Path file, FileChannel channel) throws IOException {
        ByteBuffer head = read(channel, file, 0, 16 <= channel.size() ? 16 : 8, ByteOrder.LITTLE_ENDIAN);
        byte b0 = head.get(0);
        if ((b0 != 'I' && b0 != 'M') || head.get(1) != b0) {
            throw new ImageFormatException(file, "not a TIFF file (no II or MM byte order mark)");
        }
        ByteOrder order = b0 == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        head.order(order);
        int magic = head.getShort(2) & 0xffff;
        boolean big = magic == 43;
        if (!big && magic != 42) {
            throw new ImageFormatException(file, "not a TIFF file (version " + magic + ", 42 or 43 expected)");
        }
        long first = big ? head.getLong(8) : head.getInt(4) & 0xffffffffL;
        return parse(file, channel, order, big, first);
    }

    private static Ifd parse(Path file, FileChannel channel, ByteOrder order, boolean big, long at) throws IOException {
        if (at < 8 || at >= channel.size()) {
            throw new ImageFormatException(file, "the TIFF directory offset " + at + " is outside the file ("
                    + channel.size() + " bytes): truncated or damaged");
        }
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        ByteBuffer c = read(channel, file, at, countSize, order);
        long entries = big ? c.getLong(0) : c.getShort(0) & 0xffff;
        if (entries <= 0 || entries > 10_000) {
            throw new ImageFormatException(file, "the TIFF directory claims " + entries + " entries: damaged");
        }
        ByteBuffer table = read(channel, file, at + countSize, (int) entries * entrySize + (big ? 8 : 4), order);
        long width = 0, height = 0, rowsPerStrip = Long.MAX_VALUE, tileWidth = 0, tileLength = 0;
        int bits = 1, samples = 1, compression = NONE, predictor = 1, sampleFormat = 1, photometric = 1;
        Entry offsets = null, counts = null, tileOffsets = null, tileCounts = null;
        double xResolution = Double.NaN, yResolution = Double.NaN;
        int resolutionUnit = 2; // TIFF's default: inch, which is not taken
        String description = "";
        for (int e = 0; e < entries; e++) {
            int p = e * entrySize;
            int tag = table.getShort(p) & 0xffff;
            int type = table.getShort(p + 2) & 0xffff;
            long count = big ? table.getLong(p + 4) : table.getInt(p + 4) & 0xffffffffL;
            int inlineAt = p + (big ? 12 : 8);
            if (type <= 0 || type >= TYPE_SIZE.length || TYPE_SIZE[type] == 0) {
                continue; // a field of a type this reader does not know is one it does not need
            }
            long bytes = count * TYPE_SIZE[type];
            long valuesAt = bytes <= (big ? 8 : 4) ? at + countSize + inlineAt
                    : big ? table.getLong(inlineAt) : table.getInt(inlineAt) & 0xffffffffL;
            Entry entry = new Entry(type, count, valuesAt);
            switch (tag) {
                case WIDTH -> width = first(channel, file, order, entry);
                case HEIGHT -> height = first(channel, file, order, entry);
                case BITS -> bits = (int) first(channel, file, order, entry);
                case COMPRESSION -> compression = (int) first(channel, file, order, entry);
                case PHOTOMETRIC -> photometric = (int) first(channel, file, order, entry);
                case STRIP_OFFSETS -> offsets = entry;
                case SAMPLES -> samples = (int) first(channel, file, order, entry);
                case ROWS_PER_STRIP -> rowsPerStrip = first(channel, file, order, entry);
                case STRIP_BYTE_COUNTS -> counts = entry;
                case PREDICTOR -> predictor = (int) first(channel, file, order, entry);
                case TILE_WIDTH -> tileWidth = first(channel, file, order, entry);
                case TILE_LENGTH -> tileLength = first(channel, file, order, entry);
                case TILE_OFFSETS -> tileOffsets = entry;
                case TILE_BYTE_COUNTS -> tileCounts = entry;
                case SAMPLE_FORMAT -> sampleFormat = (int) first(channel, file, order, entry);
                case X_RESOLUTION -> xResolution = rational(channel, file, order, entry);
                case Y_RESOLUTION -> yResolution = rational(channel, file, order, entry);
                case RESOLUTION_UNIT -> resolutionUnit = (int) first(channel, file, order, entry);
                case DESCRIPTION -> description = ascii(channel, file, order, entry);
                default -> {
                }
            }
        }
        long nextAt = at + countSize + entries * entrySize;
        long next = big ? table.getLong((int) (nextAt - at - countSize)) : table.getInt((int) (nextAt - at - countSize))
                & 0xffffffffL;
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE - 8 || height > Integer.MAX_VALUE - 8) {
            throw new ImageFormatException(file, "the TIFF page claims a size of " + width + " x " + height + ": damaged");
        }
        boolean tiled = tileOffsets != null;
        PixelType type = pixelType(bits, sampleFormat);
        // One sample per pixel: the planar configuration (how several samples are laid out) does not matter.
        String unsupported = samples != 1 ? samples + " samples per pixel"
                : photometric > 1 ? "photometric interpretation " + photometric
                : type == null ? bits + "-bit samples of format " + sampleFormat
                : !Codecs.decodes(compression) ? "compression " + compression
                : predictor != 1 && predictor != 2 ? "predictor " + predictor
                : tiled && (tileWidth <= 0 || tileLength <= 0 || tileCounts == null) ? "incomplete tile tags"
                : !tiled && (offsets == null || counts == null) ? "no strip tables" : null;
        String unit = imageJUnit(description);
        if (unit.isEmpty()) {
            // Inches are left out: most writers put a screen's 72 dpi there, which says nothing of a microscope.
            unit = resolutionUnit == 3 ? "cm" : "";
        }
        Resolution resolution = new Resolution(xResolution, yResolution, unit);
        if (unsupported != null) {
            return new Ifd(file, channel, order, big, (int) width, (int) height, bits, type, compression, predictor,
                    tiled, 0, 1, null, null, next, unsupported, resolution);
        }
        int segmentHeight = (int) (tiled ? tileLength : Math.min(rowsPerStrip, height));
        if (tiled && (long) tileWidth * tileLength * type.bytes() > Integer.MAX_VALUE / 2) {
            throw new ImageFormatException(file, "tiles of " + tileWidth + " x " + tileLength + " are too large to decode");
        }
        return new Ifd(file, channel, order, big, (int) width, (int) height, bits, type, compression, predictor, tiled,
                (int) tileWidth, segmentHeight, tiled ? tileOffsets : offsets, tiled ? tileCounts : counts, next, null,
                resolution);
    }

    /** The {@code unit=} line of an ImageJ description, or empty. */
    private static String imageJUnit(String description) {
        if (!description.startsWith("ImageJ=")) {
            return "";
        }
        for (String line : description.split("\n")) {
            if (line.startsWith("unit=")) {
                String unit = line.substring(5).strip();
                // A micrometre may come escaped (backslash, u00B5, m).
                return unit.equals("\\u00B5m") ? "µm" : unit;
            }
        }
        return "";
    }

    private static double rational(FileChannel channel, Path file, ByteOrder order, Entry entry) throws IOException {
        if (entry.type() != 5) {
            return first(channel, file, order, entry);
        }
        ByteBuffer b = read(channel, file, entry.valuesAt(), 8, order);
        long numerator = b.getInt(0) & 0xffffffffL;
        long denominator = b.getInt(4) & 0xffffffffL;
        return denominator == 0 ? Double.NaN : numerator / (double) denominator;
    }

    private static String ascii(FileChannel channel, Path file, ByteOrder order, Entry entry) throws IOException {
        if (entry.type() != 2 || entry.count() <= 0 || entry.count() > 1 << 20) {
            return "";
        }
        ByteBuffer b = read(channel, file, entry.valuesAt(), (int) entry.count(), order);
        String text = new String(b.array(), java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\0');
        return end >= 0 ? text.substring(0, end) : text;
    }

    private static PixelType pixelType(int bits, int format) {
        return switch (format * 100 + bits) {
            case 108 -> PixelType.UINT8;
            case 208 -> PixelType.INT8;
            case 116 -> PixelType.UINT16;
            case 216 -> PixelType.INT16;
            case 132 -> PixelType.UINT32;
            case 232 -> PixelType.INT32;
            case 332 -> PixelType.FLOAT32;
            case 364 -> PixelType.FLOAT64;
            default -> null;
        };
    }

    private static long first(FileChannel channel, Path file, ByteOrder order, Entry entry) throws IOException {
        return number(read(channel, file, entry.valuesAt(), TYPE_SIZE[entry.type()], order), entry.type());
    }

    private static long number(ByteBuffer b, int type) {
        return switch (type) {
            case 1, 7 -> b.get(0) & 0xff;
            case 6 -> b.get(0);
            case 3 -> b.getShort(0) & 0xffff;
            case 8 -> b.getShort(0);
            case 4, 13 -> b.getInt(0) & 0xffffffffL;
            case 9 -> b.getInt(0);
            case 16, 17, 18 -> b.getLong(0);
            default -> 0;
        };
    }

    private static ByteBuffer read(FileChannel channel, Path file, long at, int length, ByteOrder order)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw new ImageFormatException(file, "the file ends at " + (at + b.position())
                        + " inside its TIFF directory: truncated");
            }
        }
        return b;
    }
}
