package fluffy.io.internal.tiff;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The TIFF compressions microscopy files use besides JPEG, and the horizontal-differencing predictor. */
public final class Codecs {

    private Codecs() {
    }

    static boolean decodes(int compression) {
        return compression == Ifd.NONE || compression == Ifd.LZW || compression == Ifd.DEFLATE
                || compression == Ifd.DEFLATE_OLD || compression == Ifd.PACKBITS;
    }

    /**
     * The segment's bytes decompressed; at most {@code expected} bytes are produced.
     *
     * @throws IllegalArgumentException when the data cannot be decoded
     */
    public static byte[] decompress(int compression, byte[] data, int expected) {
        return switch (compression) {
            case Ifd.NONE -> data;
            case Ifd.LZW -> lzw(data, expected);
            case Ifd.DEFLATE, Ifd.DEFLATE_OLD -> inflate(data, expected);
            case Ifd.PACKBITS -> packBits(data, expected);
            default -> throw new IllegalArgumentException("compression " + compression);
        };
    }

    private static byte[] inflate(byte[] data, int expected) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected && !inflater.finished()) {
                int got = inflater.inflate(out, n, expected - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            return n == expected ? out : Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("Deflate: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] packBits(byte[] data, int expected) {
        byte[] out = new byte[expected];
        int n = 0;
        int i = 0;
        while (n < expected && i < data.length) {
            int header = data[i++];
            if (header >= 0) {
                int run = Math.min(header + 1, Math.min(expected - n, data.length - i));
                System.arraycopy(data, i, out, n, run);
                i += header + 1;
                n += run;
            } else if (header != -128 && i < data.length) {
                int run = Math.min(1 - header, expected - n);
                Arrays.fill(out, n, n + run, data[i++]);
                n += run;
            }
        }
        return n == expected ? out : Arrays.copyOf(out, n);
    }

    /** TIFF's LZW: codes of 9 to 12 bits, most significant bit first, widths growing one code early. */
    private static byte[] lzw(byte[] data, int expected) {
        final int clear = 256;
        final int end = 257;
        byte[] out = new byte[expected];
        int n = 0;
        // The table as (prefix code, last byte, length); an entry's bytes are written back to front.
        int[] prefix = new int[4096];
        byte[] last = new byte[4096];
        int[] length = new int[4096];
        for (int i = 0; i < 256; i++) {
            last[i] = (byte) i;
            length[i] = 1;
        }
        int next = 258;
        int width = 9;
        int previous = -1;
        long bits = 0;
        int held = 0;
        int in = 0;
        while (n < expected) {
            while (held < width && in < data.length) {
                bits = bits << 8 | (data[in++] & 0xff);
                held += 8;
            }
            if (held < width) {
                break;
            }
            int code = (int) (bits >>> (held - width)) & ((1 << width) - 1);
            held -= width;
            if (code == end) {
                break;
            }
            if (code == clear) {
                next = 258;
                width = 9;
                previous = -1;
                continue;
            }
            if (code > next || (previous < 0 && code >= 256)) {
                throw new IllegalArgumentException("LZW code " + code + " before it was defined");
            }
            int firstByteOf;
            if (code < next) {
                n = emit(code, prefix, last, length, out, n);
                firstByteOf = code;
            } else { // code == next: the previous string plus its own first byte
                n = emit(previous, prefix, last, length, out, n);
                if (n < expected) {
                    out[n++] = first(previous, prefix, length);
                }
                firstByteOf = previous;
            }
            if (previous >= 0 && next < 4096) {
                prefix[next] = previous;
                last[next] = first(firstByteOf, prefix, length);
                length[next] = length[previous] + 1;
                next++;
            }
            previous = code;
            if (next + 1 >= 1 << width && width < 12) {
                width++;
            }
        }
        return n == expected ? out : Arrays.copyOf(out, n);
    }

    private static int emit(int code, int[] prefix, byte[] last, int[] length, byte[] out, int n) {
        int len = length[code];
        int room = Math.min(len, out.length - n);
        int c = code;
        for (int k = len - 1; k >= 0; k--) {
            if (k < room) {
                out[n + k] = last[c];
            }
            c = prefix[c];
        }
        return n + room;
    }

    private static byte first(int code, int[] prefix, int[] length) {
        int c = code;
        for (int k = length[code] - 1; k > 0; k--) {
            c = prefix[c];
        }
        return (byte) c;
    }

    /** Undoes horizontal differencing (predictor 2) in place: each sample was stored minus its left neighbour. */
    public static void undoHorizontalDifferencing(byte[] data, int rows, int columns, int bytesPerSample,
            ByteOrder order) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(order);
        for (int y = 0; y < rows; y++) {
            int row = y * columns * bytesPerSample;
            for (int x = 1; x < columns; x++) {
                int at = row + x * bytesPerSample;
                int before = at - bytesPerSample;
                switch (bytesPerSample) {
                    case 1 -> data[at] += data[before];
                    case 2 -> b.putShort(at, (short) (b.getShort(at) + b.getShort(before)));
                    case 4 -> b.putInt(at, b.getInt(at) + b.getInt(before));
                    default -> b.putLong(at, b.getLong(at) + b.getLong(before));
                }
            }
        }
    }
}
