package fluffy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

/** Damaged, lying and hostile image files: each is refused with a message naming the file and the problem. */
class BadImageFilesTest {

    @TempDir
    Path dir;

    private final ImageFormats formats = ImageFormats.platform();

    private String refusal(Path file) {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> formats.open(file).close());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        return e.getMessage();
    }

    private Path png(String name, int w, int h) throws IOException {
        Path file = dir.resolve(name);
        ByteProcessor ip = new ByteProcessor(w, h);
        ip.setValue(200);
        ip.fill();
        new FileSaver(new ImagePlus(name, ip)).saveAsPng(file.toString());
        return file;
    }

    private Path tiff(String name) throws IOException {
        return TestImages.hyperstack(dir.resolve(name), 64, 48, 1, 1, 1);
    }

    @Test
    void aTruncatedTiffIsReportedAsSuch() throws IOException {
        Path good = tiff("whole.tif");
        Path cut = dir.resolve("cut.tif");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        String message = refusal(cut);
        assertTrue(message.contains("truncated"), message);
        Files.write(cut, Arrays.copyOf(bytes, 6));
        assertTrue(refusal(cut).contains("truncated"), refusal(cut));
    }

    @Test
    void aCorruptTiffDirectoryIsReported() throws IOException {
        Path file = dir.resolve("corrupt.tif");
        byte[] bytes = Files.readAllBytes(tiff("good.tif"));
        // Point the first directory far beyond the end of the file.
        ByteBuffer.wrap(bytes).order(bytes[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).putInt(4, 1 << 30);
        Files.write(file, bytes);
        assertTrue(refusal(file).contains("outside the file"), refusal(file));
    }

    @Test
    void aTruncatedOrCorruptPngIsReported() throws IOException {
        byte[] bytes = Files.readAllBytes(png("good.png", 50, 40));
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, 40));
        assertTrue(refusal(cut).contains("damaged or truncated"), refusal(cut));
        Path corrupt = dir.resolve("corrupt.png");
        byte[] scrambled = bytes.clone();
        for (int i = 40; i < scrambled.length; i++) {
            scrambled[i] = (byte) (scrambled[i] * 31 + 7);
        }
        Files.write(corrupt, scrambled);
        assertTrue(refusal(corrupt).contains("damaged or truncated"), refusal(corrupt));
    }

    @Test
    void absurdDimensionsInAHeaderAreRefusedBeforeAnythingIsAllocated() throws IOException {
        byte[] bytes = Files.readAllBytes(png("huge.png", 10, 10));
        // IHDR width and height: 2^31 - 1 each, about 4.6 exa-pixels.
        ByteBuffer.wrap(bytes).putInt(16, Integer.MAX_VALUE).putInt(20, Integer.MAX_VALUE);
        Path huge = dir.resolve("huge.png");
        Files.write(huge, bytes);
        String message = refusal(huge);
        assertTrue(message.contains("2147483647 x 2147483647") && message.contains("more than"), message);

        byte[] tif = Files.readAllBytes(tiff("t.tif"));
        Path claims = dir.resolve("claims.tif");
        Files.write(claims, patchTiffSize(tif, 100_000, 100_000));
        message = refusal(claims);
        assertTrue(message.contains("100000 x 100000"), message);
    }

    /** Rewrites ImageWidth and ImageLength in the first IFD of an ImageJ (big-endian) TIFF. */
    private static byte[] patchTiffSize(byte[] tif, int width, int height) {
        ByteBuffer b = ByteBuffer.wrap(tif).order(tif[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xffff;
        for (int i = 0; i < n; i++) {
            int at = ifd + 2 + 12 * i;
            int tag = b.getShort(at) & 0xffff;
            if (tag == 256 || tag == 257) {
                b.putShort(at + 2, (short) 4).putInt(at + 4, 1).putInt(at + 8, tag == 256 ? width : height);
            }
        }
        return tif;
    }

    @Test
    void anUnknownExtensionIsNamedWithTheKnownOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.xyz"), "hello, not an image");
        String message = refusal(file);
        assertTrue(message.startsWith("notes.xyz: unknown image format: no installed reader knows .xyz files (known extensions: ")
                && message.contains("tif"), message);
        assertTrue(!formats.claims(file));
    }

    @Test
    void aFileThatLiesAboutItsTypeIsCaughtOrReadByContent() throws IOException {
        Path text = Files.writeString(dir.resolve("liar.tif"), "<html>this is a web page</html>");
        String message = refusal(text);
        assertTrue(message.contains("the name says") && message.contains("but the content is not"), message);

        // A PNG named .tif is still an image: it is read by its content.
        Path png = png("real.png", 12, 7);
        Path disguised = Files.copy(png, dir.resolve("disguised.tif"));
        try (ImageSource source = formats.open(disguised)) {
            assertEquals(12, source.info(0).sizeX());
            assertEquals("PNG (ImageJ)", source.formatName());
        }
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.tif"));
        assertTrue(refusal(empty).endsWith("the file is empty"), refusal(empty));
        assertTrue(refusal(dir.resolve("missing.tif")).endsWith("no such file"));
    }
}
