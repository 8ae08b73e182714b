package fluffy.io.czi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.io.ImageFormat;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageFormats;
import fluffy.io.ImageSource;

/** The reader reaches the platform the way a third party's would: through its plugin.xml contribution. */
class PlatformRegistrationTest {

    @TempDir
    Path dir;

    @Test
    void theFormatIsContributedThroughTheExtensionPoint() {
        ImageFormat czi = ImageFormats.platform().formats().stream().filter(f -> f.id().equals("fluffy.io.czi"))
                .findFirst().orElseThrow(() -> new AssertionError("fluffy.io.czi is not among " + ImageFormats.platform().formats()));
        assertEquals("fluffy.io.czi", czi.contributor());
        assertTrue(czi.matchesName("scan.CZI"));
    }

    @Test
    void thePlatformOpensARealCziFileWithThisReader() throws IOException {
        try (ImageSource source = ImageFormats.platform().open(CziTestData.file("tiles_z.czi"))) {
            assertEquals(CziSource.FORMAT_NAME, source.formatName());
            assertEquals("510 x 512, C2 Z2 T1, uint8", source.info(0).describe());
        }
    }

    @Test
    void jpegXrReachesTheUserWithTheBioFormatsHint() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(SyntheticCzi.GRAY16, 8, 8, null).compression(Decoders.JPEG_XR, new byte[64]);
        Path file = czi.write(dir, "jxr.czi");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFormats.platform().open(file));
        assertTrue(e.getMessage().contains("JPEG-XR compressed CZI is not supported; install Bio-Formats"), e.getMessage());
    }
}
