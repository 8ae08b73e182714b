package fluffy.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fluffy.core.image.Plane;

/**
 * The band reader decodes every single-sample layout of {@code ../shared/data/tiff-variants} to the same
 * pixels as ImageJ (and the known ramps where ImageJ cannot read the file: BigTIFF, tiles), whatever the bands.
 */
class TiffRowReaderTest {

    private static final String DIR = "tiff-variants";

    private static TiffRowReader reader(Path file) throws IOException {
        return TiffRowReader.open(file).orElseThrow(() -> new AssertionError(file + " not read by bands"));
    }

    /** Every band split gives what one read of all rows gives. */
    private static void bandsAgree(TiffRowReader r, int band) throws IOException {
        Plane whole = r.rows(0, r.height());
        for (int y0 = 0; y0 < r.height(); y0 += band) {
            int n = Math.min(band, r.height() - y0);
            float[] expected = Arrays.copyOfRange(whole.data(), y0 * r.width(), (y0 + n) * r.width());
            assertArrayEquals(expected, r.rows(y0, n).data(), "rows " + y0 + "+" + n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"deflate_u16.tif", "jdk_Deflate_u16.tif", "jdk_Deflate_u8.tif", "jdk_LZW_u16.tif", "jdk_LZW_u8.tif",
        "jdk_PackBits_u16.tif", "jdk_PackBits_u8.tif", "i16.tif", "bigendian_f32.tif"})
    void decodesLikeImageJ(String name) throws IOException {
        Path file = SharedData.file(DIR, name);
        Plane imagej;
        try (ImageSource source = ImageFormats.platform().open(file)) {
            imagej = source.readPlane(0, 0, 0, 0);
        }
        try (TiffRowReader r = reader(file)) {
            assertEquals(imagej.width(), r.width());
            assertEquals(imagej.height(), r.height());
            assertArrayEquals(imagej.data(), r.rows(0, r.height()).data(), name);
            bandsAgree(r, 7);
        }
    }

    @Test
    void readsBigTiffAndTilesThatImageJRefuses() throws IOException {
        try (TiffRowReader big = reader(SharedData.file(DIR, "bigtiff_u16.tif"));
                TiffRowReader tiled = reader(SharedData.file(DIR, "tiled_u16.tif"))) {
            assertTrue(big.bigTiff() && !big.tiled());
            assertEquals(java.util.List.of(40, 32), java.util.List.of(big.width(), big.height()));
            Plane b = big.rows(0, 32);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 40; x++) {
                    assertEquals(y * 40 + x, b.get(x, y), "BigTIFF at " + x + "," + y);
                }
            }
            // 80 x 64 in 16 x 16 tiles: the 40 x 32 ramp repeated 2 x 2.
            assertTrue(tiled.tiled());
            Plane t = tiled.rows(0, 64);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 80; x++) {
                    assertEquals((y % 32) * 40 + x % 40, t.get(x, y), "tile pixel " + x + "," + y);
                }
            }
            bandsAgree(tiled, 5);
            bandsAgree(tiled, 23);
        }
    }

    @Test
    void unsignedThirtyTwoBitsStayUnsigned() throws IOException {
        try (TiffRowReader r = reader(SharedData.file(DIR, "u32.tif"))) {
            assertEquals((7 * 40 + 5) * 100_000f, r.rows(7, 1).get(5, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rgb_planar_u8.tif", "jdk_JPEG_u8.tif"})
    void otherLayoutsAreLeftToOtherReaders(String name) throws IOException {
        Path file = SharedData.file(DIR, name);
        assertEquals(Optional.empty(), TiffRowReader.open(file).map(r -> r.file()));
        assertTrue(TiffRowReader.unsupported(file).isPresent());
    }

    @Test
    void aTruncatedFileNamesItselfAndTheProblem(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.file(DIR, "deflate_u16.tif"));
        Path cut = dir.resolve("cut.tif");
        Files.write(cut, Arrays.copyOf(bytes, 200));
        IOException e = assertThrows(IOException.class, () -> {
            try (TiffRowReader r = reader(cut)) {
                r.rows(0, r.height());
            }
        });
        assertTrue(e.getMessage().contains("cut.tif") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void notATiffIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path png = Files.write(dir.resolve("x.tif"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0});
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> TiffRowReader.open(png));
        assertTrue(e.getMessage().contains("x.tif") && e.getMessage().contains("not a TIFF"), e.getMessage());
    }

    /** The pixel size an ImageJ-calibrated TIFF records is what ImageJ reads from it. */
    @Test
    void thePixelSizeIsImageJs(@TempDir Path dir) throws IOException {
        ij.ImagePlus image = new ij.ImagePlus("calibrated", new ij.process.ShortProcessor(30, 20));
        ij.measure.Calibration c = image.getCalibration();
        c.pixelWidth = 0.65;
        c.pixelHeight = 0.65;
        c.setUnit("micron");
        Path file = dir.resolve("calibrated.tif");
        assertTrue(new ij.io.FileSaver(image).saveAsTiff(file.toString()));
        PixelSize imagej;
        try (ImageSource source = ImageFormats.platform().open(file)) {
            imagej = source.pixelSize(0);
        }
        try (TiffRowReader r = reader(file)) {
            // TIFF stores pixels per unit as a fraction: 1 / 0.65 comes back within a millionth.
            assertEquals(0.65, r.pixelSize().x(), 1e-6);
            assertEquals(imagej.x(), r.pixelSize().x(), 1e-6);
            assertEquals(imagej.y(), r.pixelSize().y(), 1e-6);
        }
        try (TiffRowReader r = reader(SharedData.file(DIR, "deflate_u16.tif"))) {
            assertTrue(!r.pixelSize().known(), "a file without calibration: " + r.pixelSize());
        }
    }
}
