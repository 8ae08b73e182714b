package fluffy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fluffy.core.image.Plane;

/**
 * Every file of {@code ../shared/data/tiff-variants} either opens with the right shape and pixels or
 * fails with a clear message. The synthetic files hold known ramps, so pixels are checked exactly.
 */
class TiffVariantsTest {

    private static final String DIR = "tiff-variants";

    private static ImageSource open(String name) throws IOException {
        return ImageFormats.platform().open(SharedData.file(DIR, name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bigendian_f32.tif,          40, 32, 1, 1,   1, float32",
        "deflate_u16.tif,            40, 32, 1, 1,   1, uint16",
        "i16.tif,                    40, 32, 1, 1,   1, int16",
        "ij_hyperstack_c2z5t3_u16.tif, 64, 48, 2, 5, 3, uint16",
        "imagej_hyper_tzcyx.tif,     40, 32, 2, 4,   3, uint16",
        "jdk_Deflate_u16.tif,        40, 32, 1, 1,   1, uint16",
        "jdk_Deflate_u8.tif,         40, 32, 1, 1,   1, uint8",
        "jdk_JPEG_u8.tif,            40, 32, 1, 1,   1, uint8",
        "jdk_LZW_u16.tif,            40, 32, 1, 1,   1, uint16",
        "jdk_LZW_u8.tif,             40, 32, 1, 1,   1, uint8",
        "jdk_PackBits_u16.tif,       40, 32, 1, 1,   1, uint16",
        "jdk_PackBits_u8.tif,        40, 32, 1, 1,   1, uint8",
        "multich_multi_time_napari_lattice.tif, 13, 11, 3, 501, 2, uint16",
        "ome_zcyx_1series.ome.tif,   40, 32, 2, 5,   1, uint16",
        "plain_multipage_u16.tif,    40, 32, 1, 10,  1, uint16",
        "rgb_planar_u8.tif,          40, 32, 3, 1,   1, uint8",
        "u32.tif,                    40, 32, 1, 1,   1, float32",
        "bigtiff_u16.tif,            40, 32, 1, 1,   1, uint16",
        "tiled_u16.tif,              80, 64, 1, 1,   1, uint16"})
    void opensWithTheRightShape(String name, int x, int y, int c, int z, int t, String type) throws IOException {
        try (ImageSource source = open(name)) {
            ImageInfo info = source.info(0);
            assertEquals(List.of(x, y, c, z, t), List.of(info.sizeX(), info.sizeY(), info.sizeC(), info.sizeZ(), info.sizeT()),
                    info.describe());
            assertEquals(type, info.pixelType().toString());
            assertEquals(1, source.seriesCount());
            Plane last = source.readPlane(0, c - 1, z - 1, t - 1);
            assertEquals(x * y, last.data().length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"deflate_u16.tif, 1", "jdk_Deflate_u16.tif, 100", "jdk_LZW_u16.tif, 100", "jdk_PackBits_u16.tif, 100",
        "jdk_Deflate_u8.tif, 5", "jdk_LZW_u8.tif, 5", "jdk_PackBits_u8.tif, 5"})
    void compressedRampsDecodeExactly(String name, int step) throws IOException {
        try (ImageSource source = open(name)) {
            Plane p = source.readPlane(0, 0, 0, 0);
            // deflate_u16 counts pixels (y * 40 + x); the jdk_ files rise by step along x and by 1 along y.
            float expected = step == 1 ? 7 * 40 + 5 : step * 5 + 7;
            assertEquals(expected, p.get(5, 7), name);
        }
    }

    @Test
    void signedUnsignedAndFloatSamplesKeepTheirValues() throws IOException {
        try (ImageSource i16 = open("i16.tif"); ImageSource u32 = open("u32.tif"); ImageSource f32 = open("bigendian_f32.tif")) {
            assertEquals(-500f, i16.readPlane(0, 0, 0, 0).get(0, 0), "int16 stays signed");
            assertEquals(7 * 40 + 5 - 500, i16.readPlane(0, 0, 0, 0).get(5, 7));
            assertEquals((7 * 40 + 5) * 100_000f, u32.readPlane(0, 0, 0, 0).get(5, 7));
            assertEquals((7 * 40 + 5) / 7f, f32.readPlane(0, 0, 0, 0).get(5, 7), 1e-4);
        }
    }

    @Test
    void hyperstackPlanesComeFromTheRightPosition() throws IOException {
        try (ImageSource source = open("ij_hyperstack_c2z5t3_u16.tif")) {
            for (int t = 0; t < 3; t++) {
                for (int z = 0; z < 5; z++) {
                    for (int c = 0; c < 2; c++) {
                        assertEquals(1000 * c + 100 * z + 10 * t, source.readPlane(0, c, z, t).get(20, 20),
                                "c" + c + " z" + z + " t" + t);
                    }
                }
            }
        }
    }

    @Test
    void omeTiffPlanesFollowTheDeclaredDimensionOrder() throws IOException {
        try (ImageSource source = open("ome_zcyx_1series.ome.tif")) {
            // XYCZT: the flat plane index is c + 2 z, and each plane adds 1280 to a pixel ramp.
            assertEquals(1280f * (1 + 2 * 3) + 7 * 40 + 5, source.readPlane(0, 1, 3, 0).get(5, 7));
        }
    }

    @Test
    void planarRgbBecomesThreeChannels() throws IOException {
        try (ImageSource source = open("rgb_planar_u8.tif")) {
            assertTrue(source.info(0).rgb());
            assertEquals(List.of("red", "green", "blue"), source.info(0).channelNames());
            float r = source.readPlane(0, 0, 0, 0).get(0, 0);
            float g = source.readPlane(0, 1, 0, 0).get(0, 0);
            float b = source.readPlane(0, 2, 0, 0).get(0, 0);
            // ImageJ shows 169 as the grey value of the first pixel: (r + g + b) / 3.
            assertEquals(169f, (r + g + b) / 3, 0.5f);
        }
    }

    @Test
    void theRealNapariHyperstackHasDistinctPlanes() throws IOException {
        try (ImageSource source = open("multich_multi_time_napari_lattice.tif")) {
            Plane a = source.readPlane(0, 0, 0, 0);
            Plane b = source.readPlane(0, 2, 500, 1);
            assertTrue(a.range()[1] > 0 && b.range()[1] > 0);
            assertTrue(!a.equals(b));
        }
    }

    /** Without Bio-Formats, what ImageJ refuses (BigTIFF, tiles) is read by Fluffy's own band reader. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"bigtiff_u16.tif, 40, 5, 7", "tiled_u16.tif, 80, 45, 39"})
    void bigTiffAndTilesAreReadByTheBandReader(String name, int width, int x, int y) throws IOException {
        try (ImageSource source = open(name)) {
            assertEquals("TIFF (Fluffy band reader)", source.formatName());
            assertEquals(width, source.info(0).sizeX());
            assertEquals((y % 32) * 40 + x % 40, source.readPlane(0, 0, 0, 0).get(x, y), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ome_2series.ome.tif, OME-TIFF with 2 series"})
    void whatImageJCannotReadFailsClearlyAndPointsToBioFormats(String name, String problem) {
        Path file = SharedData.file(DIR, name); // skips, outside assertThrows, when the shared data is absent
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> ImageFormats.platform().open(file).close());
        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("Bio-Formats"), e.getMessage());
    }

    /** ImageJ decodes a cut-off compressed strip without complaint; the strip table gives it away. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"jdk_LZW_u8.tif", "jdk_Deflate_u16.tif", "jdk_PackBits_u8.tif", "deflate_u16.tif"})
    void compressedFilesCutShortAreReportedAsTruncated(String name, @TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.file(DIR, name));
        Path cut = Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFormats.platform().open(cut).close());
        assertTrue(e.getMessage().startsWith(name + ": ") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void everyFileIsCovered() throws IOException {
        Set<String> covered = Set.of("bigendian_f32.tif", "deflate_u16.tif", "i16.tif", "ij_hyperstack_c2z5t3_u16.tif",
                "imagej_hyper_tzcyx.tif", "jdk_Deflate_u16.tif", "jdk_Deflate_u8.tif", "jdk_JPEG_u8.tif",
                "jdk_LZW_u16.tif", "jdk_LZW_u8.tif", "jdk_PackBits_u16.tif", "jdk_PackBits_u8.tif",
                "multich_multi_time_napari_lattice.tif", "ome_zcyx_1series.ome.tif", "plain_multipage_u16.tif",
                "rgb_planar_u8.tif", "u32.tif", "bigtiff_u16.tif", "tiled_u16.tif", "ome_2series.ome.tif");
        try (Stream<Path> files = Files.list(SharedData.folder(DIR))) {
            List<String> images = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tif")).toList();
            assertTrue(covered.containsAll(images), "a new file in " + DIR + " needs a test: " + images);
        }
    }
}
