package fluffy.io.czi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fluffy.core.image.Plane;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;

/**
 * The six real CZI files of the shared test data. Expected dimensions come from the aicspylibczi and
 * bioio-czi test suites (which read these files with Zeiss' libCZI) and from the subblock directories
 * as {@code reference/czi_reference.py} lists them; channel names from the XML metadata read with
 * Python's ElementTree. Expected pixel statistics come from {@code reference/czi_reference.py}, an
 * independent decoder written with numpy and the {@code zstd} command line tool.
 */
class RealCziFilesTest {

    private static final List<String> RGB = List.of("red", "green", "blue");

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("s_1_t_1_c_1_z_1.czi", new ImageInfo(475, 325, 1, 1, 1, PixelType.UINT16, false, List.of("Bright"))),
                Arguments.of("CD_s_1_t_3_c_2_z_5.czi",
                        new ImageInfo(240, 170, 2, 5, 3, PixelType.UINT16, false, List.of("LED555", "LED470"))),
                Arguments.of("CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi",
                        new ImageInfo(240, 170, 2, 5, 3, PixelType.UINT16, false, List.of("", ""))),
                Arguments.of("RGB-8bit.czi", new ImageInfo(924, 624, 3, 1, 1, PixelType.UINT8, true, RGB)),
                Arguments.of("RGB-multichannel.czi", new ImageInfo(147, 81, 21, 1, 1, PixelType.UINT8, true,
                        Stream.of("Bright", "Pol_0", "Pol_15", "Pol_30", "Pol_45", "Pol_60", "Pol_75")
                                .flatMap(n -> RGB.stream().map(c -> n + " " + c)).toList())),
                Arguments.of("tiles_z.czi", new ImageInfo(510, 512, 2, 2, 1, PixelType.UINT8, false, List.of("Ch1", "T PMT"))));
    }

    @Test
    void thePixelSizeComesFromTheScalingInMetres() throws IOException {
        // ImageDocument/Metadata/Scaling/Items/Distance: X and Y 9.0576674152210312E-08 m, Z 3.2E-07 m.
        try (ImageSource source = open("CD_s_1_t_3_c_2_z_5.czi")) {
            assertEquals(0.090576674152210312, source.pixelSize(0).x(), 1e-12);
            assertEquals(0.090576674152210312, source.pixelSize(0).y(), 1e-12);
            assertEquals(0.32, source.pixelSize(0).z(), 1e-12);
        }
    }

    static ImageSource open(String name) throws IOException {
        return new CziReader().open(CziTestData.file(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void opensWithTheExpectedDimensionsPixelTypeAndChannelNames(String name, ImageInfo expected) throws IOException {
        try (ImageSource source = open(name)) {
            assertEquals(1, source.seriesCount());
            assertEquals(expected, source.info(0));
            assertEquals(CziSource.FORMAT_NAME, source.formatName());
            assertEquals(name, source.file().getFileName().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyPlaneReadsWithPlausiblePixels(String name, ImageInfo expected) throws IOException {
        try (ImageSource source = open(name)) {
            float max = 0;
            for (int c = 0; c < expected.sizeC(); c++) {
                for (int z = 0; z < expected.sizeZ(); z++) {
                    for (int t = 0; t < expected.sizeT(); t++) {
                        Plane plane = source.readPlane(0, c, z, t);
                        assertEquals(expected.sizeX(), plane.width());
                        assertEquals(expected.sizeY(), plane.height());
                        float[] range = plane.range();
                        assertTrue(range[0] >= 0 && range[1] <= (expected.pixelType() == PixelType.UINT8 ? 255 : 65535),
                                "samples within the pixel type's range");
                        max = Math.max(max, range[1]);
                    }
                }
            }
            assertTrue(max > 0, "some pixel is not black");
        }
    }

    static Stream<Arguments> referencePlanes() {
        return Stream.of(
                Arguments.of("s_1_t_1_c_1_z_1.czi", 0, 0, 0, new PlaneStats(475, 325, 3249, 4168, 563709458L, 1588900288L)),
                Arguments.of("CD_s_1_t_3_c_2_z_5.czi", 0, 0, 0, new PlaneStats(240, 170, 0, 4186, 8951607L, 21206890L)),
                Arguments.of("CD_s_1_t_3_c_2_z_5.czi", 1, 4, 2, new PlaneStats(240, 170, 0, 17273, 79096864L, 84741192L)),
                Arguments.of("CD_s_1_t_3_c_2_z_5.czi", 0, 2, 1, new PlaneStats(240, 170, 0, 4445, 10832005L, 1364695698L)),
                Arguments.of("CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi", 1, 4, 2,
                        new PlaneStats(240, 170, 0, 17273, 79096864L, 84741192L)),
                Arguments.of("RGB-8bit.czi", 0, 0, 0, new PlaneStats(924, 624, 0, 182, 7962120L, 1627055801L)),
                Arguments.of("RGB-8bit.czi", 1, 0, 0, new PlaneStats(924, 624, 0, 224, 16158347L, 1868503697L)),
                Arguments.of("RGB-8bit.czi", 2, 0, 0, new PlaneStats(924, 624, 0, 104, 8516690L, 2113009115L)),
                Arguments.of("RGB-multichannel.czi", 0, 0, 0, new PlaneStats(147, 81, 13, 143, 1409920L, 2246082483L)),
                Arguments.of("RGB-multichannel.czi", 12, 0, 0, new PlaneStats(147, 81, 0, 22, 188177L, 1612752628L)),
                Arguments.of("RGB-multichannel.czi", 13, 0, 0, new PlaneStats(147, 81, 0, 27, 245420L, 2686586938L)),
                Arguments.of("RGB-multichannel.czi", 14, 0, 0, new PlaneStats(147, 81, 0, 25, 217081L, 1055225010L)),
                Arguments.of("tiles_z.czi", 0, 0, 0, new PlaneStats(510, 512, 0, 3, 107L, 2352280754L)),
                Arguments.of("tiles_z.czi", 0, 1, 0, new PlaneStats(510, 512, 0, 4, 88L, 3087804214L)),
                Arguments.of("tiles_z.czi", 1, 1, 0, new PlaneStats(510, 512, 0, 0, 0L, 1444253581L)));
    }

    @ParameterizedTest(name = "{0} c={1} z={2} t={3}")
    @MethodSource("referencePlanes")
    void planesMatchAnIndependentDecoder(String name, int c, int z, int t, PlaneStats expected) throws IOException {
        try (ImageSource source = open(name)) {
            assertEquals(expected, PlaneStats.of(source.readPlane(0, c, z, t)));
        }
    }

    @Test
    void zstdCompressedFileHoldsTheSamePixelsAsTheUncompressedOne() throws IOException {
        try (ImageSource plain = open("CD_s_1_t_3_c_2_z_5.czi");
                ImageSource zstd = open("CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi")) {
            for (int c = 0; c < 2; c++) {
                for (int z = 0; z < 5; z++) {
                    for (int t = 0; t < 3; t++) {
                        assertEquals(plain.readPlane(0, c, z, t), zstd.readPlane(0, c, z, t), "c=" + c + " z=" + z + " t=" + t);
                    }
                }
            }
        }
    }

    @Test
    void rgbSamplesMatchWhatLibCziGives() throws IOException {
        // aicspylibczi's test_bgr_flatten: the first ten pixels of row 0, stored as B, G, R.
        float[] blue = {7, 6, 5, 6, 6, 7, 7, 7, 7, 7};
        float[] green = {14, 8, 5, 4, 4, 5, 5, 5, 5, 5};
        try (ImageSource source = open("RGB-8bit.czi")) {
            assertArrayEquals(blue, firstTen(source.readPlane(0, 2, 0, 0)));
            assertArrayEquals(green, firstTen(source.readPlane(0, 1, 0, 0)));
        }
    }

    private static float[] firstTen(Plane plane) {
        float[] values = new float[10];
        System.arraycopy(plane.data(), 0, values, 0, 10);
        return values;
    }

    @Test
    void mosaicTilesAtNegativeOffsetsLandOnTheBoundingBox() throws IOException {
        // tiles_z.czi: four 256 x 256 tiles at x = -127 and 127, y = -128 and 128, so the plane starts at
        // (-127, -128). Each tile's own pixels must appear where its position says.
        try (CziFile file = CziFile.open(CziTestData.file("tiles_z.czi"));
                ImageSource source = open("tiles_z.czi")) {
            List<DirectoryEntry> directory = SubBlockDirectory.read(file, FileHeader.read(file).directoryPosition());
            Plane plane = source.readPlane(0, 0, 1, 0);
            for (DirectoryEntry tile : directory) {
                if (tile.start("C", 0) != 0 || tile.start("Z", 0) != 1) {
                    continue;
                }
                byte[] pixels = Decoders.decode(file, tile, CziPixelType.GRAY8, SubBlockReader.data(file, tile));
                int left = tile.x().start() + 127;
                int top = tile.y().start() + 128;
                // rows and columns away from the 2-pixel overlap, where a later tile may win
                for (int y = 2; y < 254; y++) {
                    for (int x = 2; x < 254; x++) {
                        assertEquals(pixels[y * 256 + x] & 0xff, plane.get(left + x, top + y), 0f, tile.describe());
                    }
                }
            }
        }
    }

    @Test
    void attachmentsAreListedAndTheThumbnailIsAJpeg() throws IOException {
        try (ImageSource source = open("CD_s_1_t_3_c_2_z_5.czi")) {
            CziSource czi = (CziSource) source;
            assertEquals(List.of("EventList", "TimeStamps", "Thumbnail"),
                    czi.attachments().stream().map(Attachments.Attachment::name).toList());
            byte[] thumbnail = czi.attachment("Thumbnail");
            assertNotNull(thumbnail);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
            assertNotNull(image, "thumbnail decodes as JPEG");
            assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
            assertEquals(null, czi.attachment("NoSuchThing"));
            assertTrue(czi.metadataXml().startsWith("<?xml") || czi.metadataXml().startsWith("<ImageDocument"));
        }
    }

    @Test
    void planeIndicesOutsideTheImageAreRefused() throws IOException {
        try (ImageSource source = open("CD_s_1_t_3_c_2_z_5.czi")) {
            assertThrows(IndexOutOfBoundsException.class, () -> source.readPlane(0, 2, 0, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> source.readPlane(0, 0, 5, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> source.readPlane(0, 0, 0, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> source.readPlane(1, 0, 0, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> source.info(1));
        }
    }

    @Test
    void rgbPlanesAreIndependentCopies() throws IOException {
        try (ImageSource source = open("RGB-multichannel.czi")) {
            Plane red = source.readPlane(0, 0, 0, 0);
            red.data()[0] = -1;
            assertFalse(source.readPlane(0, 0, 0, 0).data()[0] < 0, "a caller's change does not reach the cache");
        }
    }
}
