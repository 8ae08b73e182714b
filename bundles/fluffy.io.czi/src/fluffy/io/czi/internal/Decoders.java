package fluffy.io.czi.internal;

import java.util.Arrays;

import fluffy.io.ImageFormatException;
import fluffy.io.files.MemoryBudget;
import io.airlift.compress.zstd.ZstdDecompressor;

/**
 * Turns a subblock's stored data into little-endian pixels, row by row without padding, the way an
 * uncompressed subblock stores them. Compression codes: 0 none, 1 JPEG, 5 zstd ("ZSTD0", a bare zstd
 * frame), 6 zstd with a small header ("ZSTD1": a header-size byte, then chunks; chunk 1 carries a flag
 * byte whose bit 0 says the 16-bit samples were split into all low bytes followed by all high bytes).
 */
final class Decoders {

    static final int NONE = 0;
    static final int JPEG = 1;
    static final int LZW = 2;
    static final int JPEG_XR = 4;
    static final int ZSTD0 = 5;
    static final int ZSTD1 = 6;

    static final String JPEG_XR_MESSAGE = "JPEG-XR compressed CZI is not supported; install Bio-Formats"
            + " (fluffy prepare --bioformats PATH/bioformats_package.jar, or set FLUFFY_BIOFORMATS_JAR)";

    private Decoders() {
    }

    /** Why a compression cannot be decoded, or {@code null} when it can. */
    static String unsupported(int compression) {
        return switch (compression) {
            case NONE, JPEG, ZSTD0, ZSTD1 -> null;
            case JPEG_XR -> JPEG_XR_MESSAGE;
            case LZW -> "LZW compressed CZI subblocks are not supported; Bio-Formats can read them";
            default -> "CZI compression " + compression + (compression >= 100 ? " (camera-specific)" : "")
                    + " is not supported; Bio-Formats may read it";
        };
    }

    /** Decodes one subblock's data into {@code stored width x stored height} pixels of {@code type}. */
    static byte[] decode(CziFile file, DirectoryEntry entry, CziPixelType type, byte[] data) throws ImageFormatException {
        int width = entry.x().storedSize();
        int height = entry.y().storedSize();
        long expected = (long) width * height * type.bytesPerPixel();
        if (expected > Integer.MAX_VALUE - 8) {
            throw file.problem(entry.describe() + " is " + width + " x " + height + " pixels, too large to decode: damaged?");
        }
        MemoryBudget.check(file.path(), expected, entry.describe() + " of " + width + " x " + height + " pixels");
        byte[] pixels = switch (entry.compression()) {
            case NONE -> uncompressed(file, entry, data, (int) expected);
            case ZSTD0 -> zstd(file, entry, data, 0, (int) expected);
            case ZSTD1 -> zstd1(file, entry, type, data, (int) expected);
            case JPEG -> JpegDecoder.decode(file, entry, type, data);
            default -> throw file.problem(entry.describe() + ": " + unsupported(entry.compression()));
        };
        if (pixels.length != expected) {
            throw file.problem(entry.describe() + " decodes to " + pixels.length + " bytes, expected " + expected
                    + " for " + width + " x " + height + " " + CziPixelType.name(entry.pixelType()) + ": damaged");
        }
        return pixels;
    }

    private static byte[] uncompressed(CziFile file, DirectoryEntry entry, byte[] data, int expected)
            throws ImageFormatException {
        if (data.length < expected) {
            throw file.problem(entry.describe() + " holds " + data.length + " bytes of pixels, " + expected
                    + " expected: truncated or damaged");
        }
        return data.length == expected ? data : Arrays.copyOf(data, expected);
    }

    private static byte[] zstd(CziFile file, DirectoryEntry entry, byte[] data, int offset, int expected)
            throws ImageFormatException {
        long declared;
        int written;
        byte[] out = new byte[expected];
        try {
            declared = ZstdDecompressor.getDecompressedSize(data, offset, data.length - offset);
            written = declared < 0 || declared == expected
                    ? new ZstdDecompressor().decompress(data, offset, data.length - offset, out, 0, out.length)
                    : -1;
        } catch (RuntimeException e) { // MalformedInputException, or an index error on a damaged frame
            throw new ImageFormatException(file.path(), entry.describe() + ": damaged zstd data (" + e.getMessage() + ")", e);
        }
        if (written < 0) {
            throw file.problem(entry.describe() + ": its zstd frame holds " + declared + " bytes, " + expected + " expected: damaged");
        }
        return written == expected ? out : Arrays.copyOf(out, written);
    }

    private static byte[] zstd1(CziFile file, DirectoryEntry entry, CziPixelType type, byte[] data, int expected)
            throws ImageFormatException {
        int headerSize = data.length == 0 ? 0 : data[0] & 0xff;
        if (headerSize < 1 || headerSize > data.length) {
            throw file.problem(entry.describe() + ": damaged ZSTD1 header (size " + headerSize + ")");
        }
        boolean hiLo = false;
        for (int i = 1; i < headerSize; i += 2) {
            if (data[i] != 1 || i + 1 >= headerSize) {
                throw file.problem(entry.describe() + ": unknown chunk " + data[i] + " in its ZSTD1 header");
            }
            hiLo = (data[i + 1] & 1) != 0;
        }
        byte[] pixels = zstd(file, entry, data, headerSize, expected);
        if (!hiLo) {
            return pixels;
        }
        if (type.sampleType().bytes() != 2) {
            throw file.problem(entry.describe() + ": hi/lo byte packing on " + CziPixelType.name(entry.pixelType())
                    + " pixels: damaged");
        }
        return unpackHiLo(pixels);
    }

    /** Undoes the ZSTD1 byte split: the first half holds every sample's low byte, the second half the high bytes. */
    static byte[] unpackHiLo(byte[] packed) {
        int half = packed.length / 2;
        byte[] out = new byte[packed.length];
        for (int i = 0; i < half; i++) {
            out[2 * i] = packed[i];
            out[2 * i + 1] = packed[half + i];
        }
        return out;
    }
}
