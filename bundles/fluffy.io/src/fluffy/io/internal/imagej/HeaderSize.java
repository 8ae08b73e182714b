package fluffy.io.internal.imagej;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The pixel size that PNG, GIF, BMP and JPEG headers claim, read from the first bytes so that an absurd
 * claim is refused before a decoder allocates for it. {@code null} when the head does not say.
 */
final class HeaderSize {

    private HeaderSize() {
    }

    static long[] of(ImageJSniffer.Kind kind, byte[] h) {
        return switch (kind) {
            case PNG -> h.length >= 24 ? new long[] {u32(h, 16, ByteOrder.BIG_ENDIAN), u32(h, 20, ByteOrder.BIG_ENDIAN)} : null;
            case GIF -> new long[] {u16(h, 6), u16(h, 8)};
            case BMP -> new long[] {Math.abs((long) ByteBuffer.wrap(h, 18, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()),
                    Math.abs((long) ByteBuffer.wrap(h, 22, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())};
            case JPEG -> jpeg(h);
            case TIFF -> null;
        };
    }

    /** Finds a start-of-frame marker (SOF0..SOF15 except DHT, JPG, DAC) within the head. */
    private static long[] jpeg(byte[] h) {
        int i = 2;
        while (i + 9 < h.length) {
            if ((h[i] & 0xff) != 0xff) {
                return null;
            }
            int marker = h[i + 1] & 0xff;
            int length = ((h[i + 2] & 0xff) << 8) | (h[i + 3] & 0xff);
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                long height = ((h[i + 5] & 0xff) << 8) | (h[i + 6] & 0xff);
                long width = ((h[i + 7] & 0xff) << 8) | (h[i + 8] & 0xff);
                return new long[] {width, height};
            }
            i += 2 + length;
        }
        return null;
    }

    private static long u32(byte[] h, int at, ByteOrder order) {
        return ByteBuffer.wrap(h, at, 4).order(order).getInt() & 0xffffffffL;
    }

    private static long u16(byte[] h, int at) {
        return ByteBuffer.wrap(h, at, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
    }
}
