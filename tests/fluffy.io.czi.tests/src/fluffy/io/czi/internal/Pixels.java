package fluffy.io.czi.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.airlift.compress.zstd.ZstdCompressor;

/** Stored pixel bytes for synthetic CZI tiles, written without the reader's help. */
final class Pixels {

    private Pixels() {
    }

    /** A width x height ramp: value(x, y) = (x + width * y) * step + offset. */
    static int[] ramp(int width, int height, int step, int offset) {
        int[] values = new int[width * height];
        Arrays.setAll(values, i -> i * step + offset);
        return values;
    }

    static byte[] gray8(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Little-endian 16-bit samples (for Gray16, and for Bgr48 in B, G, R order). */
    static byte[] gray16(int... values) {
        ByteBuffer bytes = SyntheticCzi.le(2 * values.length);
        for (int v : values) {
            bytes.putShort((short) v);
        }
        return bytes.array();
    }

    static byte[] float32(float... values) {
        ByteBuffer bytes = SyntheticCzi.le(4 * values.length);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return bytes.array();
    }

    /** A bare zstd frame (compression 5). */
    static byte[] zstd(byte[] raw) {
        ZstdCompressor compressor = new ZstdCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(raw.length)];
        int n = compressor.compress(raw, 0, raw.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    /** Compression 6: a header (size byte, optionally chunk 1 with the hi/lo flag), then a zstd frame. */
    static byte[] zstd1(byte[] raw, boolean hiLo) {
        byte[] frame = zstd(hiLo ? packHiLo(raw) : raw);
        byte[] header = hiLo ? new byte[] {3, 1, 1} : new byte[] {1};
        byte[] out = Arrays.copyOf(header, header.length + frame.length);
        System.arraycopy(frame, 0, out, header.length, frame.length);
        return out;
    }

    /** All low bytes of the 16-bit samples, then all high bytes. */
    static byte[] packHiLo(byte[] littleEndian16) {
        int half = littleEndian16.length / 2;
        byte[] out = new byte[littleEndian16.length];
        for (int i = 0; i < half; i++) {
            out[i] = littleEndian16[2 * i];
            out[half + i] = littleEndian16[2 * i + 1];
        }
        return out;
    }

    /** A JPEG file of the image at the best quality. */
    static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
