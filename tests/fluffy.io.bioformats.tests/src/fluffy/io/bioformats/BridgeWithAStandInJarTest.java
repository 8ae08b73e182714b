package fluffy.io.bioformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Plane;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;

/** The bridge end to end through the platform's formats, on a jar that speaks Bio-Formats' API. */
class BridgeWithAStandInJarTest {

    @TempDir
    Path dir;

    private JarProperty jar;

    @BeforeEach
    void configure() throws IOException {
        jar = JarProperty.set(StandInJar.build(dir));
    }

    @AfterEach
    void restore() {
        if (jar != null) {
            jar.restore();
        }
    }

    @Test
    void seriesShapesAndPixelsComeThroughTheMethodHandles() throws IOException {
        Path file = Files.write(dir.resolve("plate.nd2"), new byte[] {1, 2, 3, 4});
        try (ImageSource source = ImageFormats.platform().open(file)) {
            assertEquals("Stand-in (Bio-Formats)", source.formatName());
            assertEquals(2, source.seriesCount());
            ImageInfo rgb = source.info(0);
            assertEquals(List.of(4, 3, 3, 2, 1), List.of(rgb.sizeX(), rgb.sizeY(), rgb.sizeC(), rgb.sizeZ(), rgb.sizeT()));
            assertTrue(rgb.rgb());
            assertEquals(PixelType.UINT8, rgb.pixelType());
            Plane green = source.readPlane(0, 1, 1, 0);
            assertEquals(100 * 1 + 3 * 5 + 1, green.get(1, 1), "pixel 5 = (1, 1), sample 1, plane z = 1");
            ImageInfo grey = source.info(1);
            assertEquals(PixelType.UINT16, grey.pixelType());
            assertEquals(1000 + 7, source.readPlane(1, 0, 0, 0).get(2, 1));
            assertEquals(102f, source.readPlane(0, 2, 1, 0).get(0, 0), "back to series 0 after reading series 1");
        }
    }

    @Test
    void aTiffImageJCannotReadFallsThroughToTheBridge() throws IOException {
        // The bridge accepts every file when a jar is configured; ImageJ refuses tiles as unsupported.
        Path shared = Path.of(System.getProperty("fluffy.shared.data", "../../../shared/data"), "tiff-variants",
                "tiled_u16.tif");
        Assumptions.assumeTrue(Files.isRegularFile(shared), "shared test data not found: " + shared);
        try (ImageSource source = ImageFormats.platform().open(shared)) {
            assertEquals("Stand-in (Bio-Formats)", source.formatName());
        }
    }

    @Test
    void whatBioFormatsDoesNotKnowEitherIsSaidSo() throws IOException {
        Path file = Files.write(dir.resolve("mystery.unknown"), new byte[] {9, 9, 9});
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFormats.platform().open(file).close());
        assertEquals("mystery.unknown: Bio-Formats does not know this format either (Unknown file format: " + file + ")",
                e.getMessage());
    }
}
