package fluffy.io.bioformats.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import fluffy.io.PixelType;

/**
 * Decodes one sample channel out of the bytes Bio-Formats' {@code openBytes} returns for a plane:
 * {@code rgb} samples per pixel, each {@code type.bytes()} long, interleaved ({@code RGBRGB...}) or
 * planar ({@code RR..GG..BB..}), in the file's byte order.
 */
final class Samples {

    /** Bio-Formats' {@code FormatTools} pixel type codes, by position. 8 is BIT (one byte per pixel). */
    private static final PixelType[] TYPES = {PixelType.INT8, PixelType.UINT8, PixelType.INT16, PixelType.UINT16,
            PixelType.INT32, PixelType.UINT32, PixelType.FLOAT32, PixelType.FLOAT64, PixelType.UINT8};

    private Samples() {
    }

    static PixelType type(int code) {
        if (code < 0 || code >= TYPES.length) {
            throw new IllegalArgumentException("unknown Bio-Formats pixel type " + code);
        }
        return TYPES[code];
    }

    /**
     * @param pixels    width x height
     * @param rgb       samples per pixel in {@code bytes}
     * @param sample    which of them to take, from 0
     */
    static float[] decode(byte[] bytes, PixelType type, int pixels, int rgb, int sample, boolean interleaved,
            boolean littleEndian) {
        int size = type.bytes();
        if (bytes.length < (long) pixels * rgb * size) {
            throw new IllegalArgumentException("a plane of " + pixels + " pixels x " + rgb + " samples of " + type
                    + " needs " + (long) pixels * rgb * size + " bytes, Bio-Formats returned " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        float[] out = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            int at = (interleaved ? i * rgb + sample : sample * pixels + i) * size;
            out[i] = switch (type) {
                case INT8 -> buffer.get(at);
                case UINT8 -> buffer.get(at) & 0xff;
                case INT16 -> buffer.getShort(at);
                case UINT16 -> buffer.getShort(at) & 0xffff;
                case INT32 -> buffer.getInt(at);
                case UINT32 -> buffer.getInt(at) & 0xffffffffL;
                case FLOAT32 -> buffer.getFloat(at);
                case FLOAT64 -> (float) buffer.getDouble(at);
            };
        }
        return out;
    }
}
