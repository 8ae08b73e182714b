package fluffy.inference.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes 8-bit grey or RGB PNGs row by row, so a mask or overlay of an 8192 x 8192 image needs one row
 * in memory rather than a whole image object (ImageJ's and ImageIO's writers take a full image).
 */
public final class Png {

    /** Supplies one row: {@code width} bytes (grey) or {@code 3 * width} (RGB, interleaved). */
    @FunctionalInterface
    public interface Rows {
        void row(int y, byte[] out) throws IOException;
    }

    /**
     * Deflate's fastest level: on the 96 DSB test images (default outputs) the PNGs took most of the output
     * time at level 6; masks and outlines compress nearly as well at level 1 (see the README's figures).
     */
    private static final int LEVEL = Deflater.BEST_SPEED;

    private Png() {
    }

    public static void write(Path file, int width, int height, boolean rgb, Rows rows) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, width, height, rgb, rows);
        }
    }

    /** Writes the PNG to a stream, which stays open. */
    public static void write(OutputStream out, int width, int height, boolean rgb, Rows rows) throws IOException {
        {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            writeInt(header, width);
            writeInt(header, height);
            header.write(8); // bit depth
            header.write(rgb ? 2 : 0); // colour type: truecolour or greyscale
            header.write(new byte[] {0, 0, 0}); // deflate, adaptive filtering, no interlace
            chunk(out, "IHDR", header.toByteArray(), header.size());
            byte[] row = new byte[(rgb ? 3 : 1) * width];
            try (ChunkStream idat = new ChunkStream(out);
                    DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(LEVEL), 1 << 16)) {
                for (int y = 0; y < height; y++) {
                    rows.row(y, row);
                    deflate.write(0); // filter type None: masks and outlines compress well without prediction
                    deflate.write(row);
                }
            }
            chunk(out, "IEND", new byte[0], 0);
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        writeInt(out, length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** Cuts the compressed stream into IDAT chunks; closing flushes the last one but not the file. */
    private static final class ChunkStream extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        ChunkStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushChunk();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (size > 0) {
                chunk(out, "IDAT", buffer, size);
                size = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }
}
