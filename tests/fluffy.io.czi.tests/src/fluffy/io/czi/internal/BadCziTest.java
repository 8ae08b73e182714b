package fluffy.io.czi.internal;

import static fluffy.io.czi.internal.SyntheticCzi.GRAY16;
import static fluffy.io.czi.internal.SyntheticCzi.GRAY8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fluffy.io.ContentSniffer;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageSource;
import fluffy.io.UnsupportedImageException;

/** Damaged, truncated, lying and absurd files: each gives a clear error naming the file, and nothing worse. */
class BadCziTest {

    @TempDir
    Path dir;

    /** Runs {@code action}, expects an ImageFormatException (not unsupported) naming the file and saying {@code what}. */
    private static ImageFormatException fails(Path file, String what, Executable action) {
        ImageFormatException e = assertThrows(ImageFormatException.class, action);
        assertFalse(e instanceof UnsupportedImageException, e.getMessage());
        assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    /** Opens the file and reads every plane of every series. */
    private static void readAll(Path file) throws IOException {
        try (ImageSource source = new CziReader().open(file)) {
            for (int s = 0; s < source.seriesCount(); s++) {
                for (int c = 0; c < source.info(s).sizeC(); c++) {
                    for (int z = 0; z < source.info(s).sizeZ(); z++) {
                        for (int t = 0; t < source.info(s).sizeT(); t++) {
                            source.readPlane(s, c, z, t);
                        }
                    }
                }
            }
        }
    }

    private Path copy(String realFile, String name, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(CziTestData.file(realFile));
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes, Math.min(length, bytes.length)));
    }

    private static void patch(Path file, int at, ByteBuffer bytes) throws IOException {
        byte[] content = Files.readAllBytes(file);
        bytes.flip();
        bytes.get(content, at, bytes.remaining());
        Files.write(file, content);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CD_s_1_t_3_c_2_z_5.czi", "CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi", "s_1_t_1_c_1_z_1.czi",
            "tiles_z.czi", "RGB-8bit.czi", "RGB-multichannel.czi"})
    void truncatedRealFilesAreRefusedAsTruncated(String name) throws IOException {
        long size = Files.size(CziTestData.file(name));
        for (long length : new long[] {0, 20, 100, 600, 4000, size / 4, size / 2}) {
            Path file = copy(name, "cut-" + length + "-" + name, (int) length);
            fails(file, "truncated", () -> readAll(file));
        }
    }

    @Test
    void subblockCutInsideItsPixelsIsRefusedWhenThePlaneIsRead() throws IOException {
        // In this file the directory comes first, so the file opens; the last subblock's pixels are cut.
        Path original = CziTestData.file("CD_s_1_t_3_c_2_z_5.czi");
        DirectoryEntry last;
        try (CziFile czi = CziFile.open(original)) {
            last = SubBlockDirectory.read(czi, FileHeader.read(czi).directoryPosition()).stream()
                    .max(Comparator.comparingLong(DirectoryEntry::filePosition)).orElseThrow();
        }
        Path file = copy(original.getFileName().toString(), "cut-pixels.czi", (int) last.filePosition() + 32 + 256 + 1000);
        try (ImageSource source = new CziReader().open(file)) {
            int c = last.start("C", 0);
            int z = last.start("Z", 0);
            int t = last.start("T", 0);
            fails(file, "truncated", () -> source.readPlane(0, c, z, t));
            source.readPlane(0, c == 0 ? 1 : 0, z, t); // other planes still read
        }
    }

    @Test
    void corruptMagicIsNotSniffedAndNotRead() throws IOException {
        Path file = copy("s_1_t_1_c_1_z_1.czi", "corrupt.czi", Integer.MAX_VALUE);
        assertTrue(new CziSniffer().accepts("corrupt.czi", head(file)));
        patch(file, 0, ByteBuffer.allocate(10).put("ZISRAWFILX".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(new CziSniffer().accepts("corrupt.czi", head(file)));
        fails(file, "should be a ZISRAWFILE segment, found 'ZISRAWFILX'", () -> new CziReader().open(file));
    }

    @Test
    void corruptDirectoryPositionIsRefused() throws IOException {
        Path file = copy("s_1_t_1_c_1_z_1.czi", "bad-directory.czi", Integer.MAX_VALUE);
        patch(file, 32 + 52, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(7000));
        fails(file, "should be a ZISRAWDIRECTORY segment", () -> new CziReader().open(file));
        patch(file, 32 + 52, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0));
        fails(file, "no subblock directory", () -> new CziReader().open(file));
    }

    @Test
    void corruptDirectoryEntryIsRefused() throws IOException {
        Path file = copy("s_1_t_1_c_1_z_1.czi", "bad-entry.czi", Integer.MAX_VALUE);
        long directory;
        try (CziFile czi = CziFile.open(file)) {
            directory = FileHeader.read(czi).directoryPosition();
        }
        patch(file, (int) directory + 32 + 128, ByteBuffer.allocate(2).put((byte) 'X').put((byte) 'Y'));
        fails(file, "not a valid subblock entry", () -> new CziReader().open(file));
    }

    @Test
    void filesLyingAboutTheirTypeAreToldApart() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path fakePng = Files.write(dir.resolve("really-a-png.czi"), png.toByteArray());
        Path fakeText = Files.writeString(dir.resolve("notes.czi"), "ZISRAW? no, just some text that is long enough to matter\n");
        for (Path fake : List.of(fakePng, fakeText)) {
            assertFalse(new CziSniffer().accepts(fake.getFileName().toString(), head(fake)));
            fails(fake, "should be a ZISRAWFILE segment", () -> new CziReader().open(fake));
        }
        Path cziNamedTif = copy("s_1_t_1_c_1_z_1.czi", "really-a-czi.tif", Integer.MAX_VALUE);
        assertTrue(new CziSniffer().accepts("really-a-czi.tif", head(cziNamedTif)));
        try (ImageSource source = new CziReader().open(cziNamedTif)) {
            assertEquals(475, source.info(0).sizeX());
        }
    }

    private static byte[] head(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Arrays.copyOf(bytes, Math.min(bytes.length, ContentSniffer.HEAD_BYTES));
    }

    @Test
    void absurdPlaneSizeIsRefusedWhenOpening() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY16, 3_000_000, 3_000_000, new byte[16]);
        Path file = czi.write(dir, "huge.czi");
        fails(file, "absurd dimensions", () -> new CziReader().open(file));
    }

    @Test
    void largeTileWithoutItsPixelsIsRefusedWithoutAllocatingIt() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY16, 46_000, 46_000, new byte[16]);
        Path file = czi.write(dir, "large.czi");
        try (ImageSource source = new CziReader().open(file)) {
            assertEquals(46_000, source.info(0).sizeX());
            ImageFormatException e = assertThrows(ImageFormatException.class, () -> source.readPlane(0, 0, 0, 0));
            assertTrue(e.getMessage().startsWith("large.czi: "), e.getMessage());
        }
    }

    @Test
    void absurdIndexRangeIsRefused() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY8, 1, 1, new byte[1]).index("T", 0);
        czi.tile(GRAY8, 1, 1, new byte[1]).index("T", 2_000_000_000);
        Path file = czi.write(dir, "frames.czi");
        fails(file, "absurd dimensions", () -> new CziReader().open(file));
    }

    /** Writes the file, then overwrites the first int of the data of the segment {@code segment} points to. */
    private Path withFirstIntOfSegment(SyntheticCzi czi, String name, ToLongFunction<FileHeader> segment, int value)
            throws IOException {
        Path file = czi.write(dir, name);
        long position;
        try (CziFile c = CziFile.open(file)) {
            position = segment.applyAsLong(FileHeader.read(c));
        }
        patch(file, (int) position + 32, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value));
        return file;
    }

    @Test
    void absurdSubblockCountIsRefused() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY8, 1, 1, new byte[1]);
        Path file = withFirstIntOfSegment(czi, "count.czi", FileHeader::directoryPosition, Integer.MAX_VALUE);
        fails(file, "claims 2147483647 subblocks", () -> new CziReader().open(file));
    }

    @Test
    void absurdMetadataSizeIsRefused() throws IOException {
        SyntheticCzi czi = new SyntheticCzi().metadata(SyntheticCzi.channelXml("A"));
        czi.tile(GRAY8, 1, 1, new byte[1]);
        Path file = withFirstIntOfSegment(czi, "metadata.czi", FileHeader::metadataPosition, Integer.MAX_VALUE);
        fails(file, "bytes of XML: damaged", () -> new CziReader().open(file));
    }

    @Test
    void brokenXmlOnlyCostsTheChannelNames() throws IOException {
        SyntheticCzi czi = new SyntheticCzi().metadata("<ImageDocument><Metadata>unclosed");
        czi.tile(GRAY8, 1, 1, Pixels.gray8(9));
        try (ImageSource source = new CziReader().open(czi.write(dir, "xml.czi"))) {
            assertEquals(List.of(""), source.info(0).channelNames());
            assertEquals(9f, source.readPlane(0, 0, 0, 0).get(0, 0));
        }
    }

    @Test
    void damagedCompressedDataIsRefusedWhenThePlaneIsRead() throws IOException {
        byte[] zstd = Pixels.zstd(Pixels.gray16(Pixels.ramp(64, 64, 7, 1)));
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY16, 64, 64, null).index("C", 0).compression(Decoders.ZSTD0, Arrays.copyOf(zstd, zstd.length / 2));
        czi.tile(GRAY16, 64, 64, null).index("C", 1).compression(Decoders.ZSTD1, new byte[] {9, 1});
        czi.tile(GRAY16, 64, 64, new byte[100]).index("C", 2);
        czi.tile(GRAY16, 64, 64, null).index("C", 3).compression(Decoders.ZSTD0, Pixels.gray8(1, 2, 3, 4, 5, 6, 7, 8));
        czi.tile(GRAY16, 64, 64, null).index("C", 4).compression(Decoders.ZSTD0, Pixels.zstd(new byte[100]));
        Path file = czi.write(dir, "damaged.czi");
        try (ImageSource source = new CziReader().open(file)) {
            fails(file, "damaged zstd data", () -> source.readPlane(0, 0, 0, 0));
            fails(file, "damaged ZSTD1 header", () -> source.readPlane(0, 1, 0, 0));
            fails(file, "holds 100 bytes of pixels, 8192 expected", () -> source.readPlane(0, 2, 0, 0));
            fails(file, "damaged zstd data", () -> source.readPlane(0, 3, 0, 0));
            fails(file, "its zstd frame holds 100 bytes, 8192 expected", () -> source.readPlane(0, 4, 0, 0));
        }
        SyntheticCzi jpegCzi = new SyntheticCzi();
        jpegCzi.tile(GRAY8, 64, 64, null).compression(Decoders.JPEG, jpeg);
        Path jpegFile = jpegCzi.write(dir, "damaged-jpeg.czi");
        try (ImageSource source = new CziReader().open(jpegFile)) {
            fails(jpegFile, "damaged JPEG data", () -> source.readPlane(0, 0, 0, 0));
        }
    }

    @Test
    void unsupportedPixelTypesAndVersionsAreUnsupportedNotDamaged() throws IOException {
        SyntheticCzi bgra = new SyntheticCzi();
        bgra.tile(9, 1, 1, new byte[4]);
        Path file = bgra.write(dir, "bgra.czi");
        UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> new CziReader().open(file));
        assertEquals("bgra.czi: Bgra32 CZI pixels are not supported (Gray8, Gray16, Gray32Float, Bgr24 and Bgr48 are)",
                e.getMessage());

        SyntheticCzi parts = new SyntheticCzi();
        parts.tile(GRAY8, 1, 1, new byte[1]).filePart(1);
        Path part = parts.write(dir, "parts.czi");
        e = assertThrows(UnsupportedImageException.class, () -> new CziReader().open(part));
        assertEquals("parts.czi: multi-file CZI (subblocks in file part 1) is not supported", e.getMessage());

        SyntheticCzi future = new SyntheticCzi().version(2);
        future.tile(GRAY8, 1, 1, new byte[1]);
        Path v2 = future.write(dir, "v2.czi");
        assertThrows(UnsupportedImageException.class, () -> new CziReader().open(v2));
    }

    @Test
    void fileWithoutSubblocksIsRefused() throws IOException {
        Path file = new SyntheticCzi().write(dir, "empty.czi");
        fails(file, "no full-resolution image subblocks", () -> new CziReader().open(file));
    }
}
