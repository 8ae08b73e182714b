package fluffy.io.bioformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Plane;
import fluffy.io.ImageFormat;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;

/**
 * The bridge as contributed to the platform's image formats. Without a jar it claims the formats only
 * Bio-Formats reads and says how to install it; with {@code FLUFFY_BIOFORMATS_JAR} set it reads what
 * ImageJ cannot.
 */
class BioFormatsBridgeTest {

    @TempDir
    Path dir;

    private static final ImageFormats FORMATS = ImageFormats.platform();

    private static ImageFormat bridge() {
        return FORMATS.formats().stream().filter(f -> f.id().equals("fluffy.io.bioformats")).findFirst().orElseThrow();
    }

    @Test
    void itIsContributedAsTheLastResort() {
        ImageFormat bridge = bridge();
        assertEquals("fluffy.io.bioformats", bridge.contributor());
        assertTrue(bridge.priority() < 0);
        // Only Fluffy's band reader comes later: what ImageJ refuses (BigTIFF, tiles) goes to Bio-Formats when the
        // user has it, and is read by the band reader when not.
        int last = FORMATS.formats().size() - 1;
        assertEquals("fluffy.io.tiffbands", FORMATS.formats().get(last).id());
        assertEquals(bridge, FORMATS.formats().get(last - 1), "tried after every specific reader");
        assertTrue(FORMATS.claims(Path.of("plate.nd2")) && FORMATS.claims(Path.of("stack.LIF")));
    }

    @Test
    void withoutTheJarAFormatOnlyBioFormatsReadsSaysHowToGetIt() throws IOException {
        assumeTrue(BioFormats.configured().isEmpty(), "a Bio-Formats jar is configured");
        Path nd2 = Files.write(dir.resolve("plate.nd2"), new byte[] {0x0c, 0x0d, 0x0e, 0x0f, 1, 2, 3});
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> FORMATS.open(nd2).close());
        assertTrue(e.getMessage().startsWith("plate.nd2: no installed reader handles this format; Bio-Formats would: "
                + "download bioformats_package.jar from https://www.openmicroscopy.org/bio-formats/downloads/ and set "
                + "FLUFFY_BIOFORMATS_JAR="), e.getMessage());
    }

    @Test
    void withoutTheJarADamagedTiffStillGetsTheTiffDiagnosis() throws IOException {
        assumeTrue(BioFormats.configured().isEmpty(), "a Bio-Formats jar is configured");
        Path tif = Files.writeString(dir.resolve("text.tif"), "plain text");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> FORMATS.open(tif).close());
        assertTrue(e.getMessage().contains("the name says TIFF"), e.getMessage());
    }

    @Test
    void aConfiguredJarThatIsNotBioFormatsIsNamed() throws IOException {
        Path jar = Files.writeString(dir.resolve("bioformats_package.jar"), "truncated download");
        Path nd2 = Files.write(dir.resolve("plate.nd2"), new byte[] {1, 2, 3});
        String before = System.getProperty(BioFormats.PROPERTY);
        System.setProperty(BioFormats.PROPERTY, jar.toString());
        try {
            ImageFormatException e = assertThrows(ImageFormatException.class, () -> FORMATS.open(nd2).close());
            assertTrue(e.getMessage().contains(jar + " (from --bioformats (fluffy.bioformats.jar)) is not a readable jar"),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(BioFormats.PROPERTY);
            } else {
                System.setProperty(BioFormats.PROPERTY, before);
            }
        }
    }

    /** Needs a real bioformats_package.jar: runs only when FLUFFY_BIOFORMATS_JAR names one. */
    @Test
    @EnabledIfEnvironmentVariable(named = BioFormats.ENVIRONMENT, matches = ".+")
    void withTheJarTiledAndBigTiffOpenAndMatchWhatImageJReadsOfTheSameData() throws IOException {
        Path data = Path.of(System.getProperty("fluffy.shared.data", "../../../shared/data"), "tiff-variants");
        assumeTrue(Files.isDirectory(data), "shared test data not found at " + data);
        Plane reference;
        try (ImageSource imagej = FORMATS.open(data.resolve("deflate_u16.tif"))) {
            reference = imagej.readPlane(0, 0, 0, 0);
        }
        // Both hold the same pixel ramp (y * 40 + x) as deflate_u16.tif; the tiled one is 80 x 64.
        String[][] files = {{"tiled_u16.tif", "80", "64"}, {"bigtiff_u16.tif", "40", "32"}};
        for (String[] file : files) {
            String name = file[0];
            try (ImageSource source = FORMATS.open(data.resolve(name))) {
                assertTrue(source.formatName().endsWith("(Bio-Formats)"), source.formatName());
                ImageInfo info = source.info(0);
                assertEquals(Integer.parseInt(file[1]), info.sizeX(), name);
                assertEquals(Integer.parseInt(file[2]), info.sizeY(), name);
                Plane plane = source.readPlane(0, 0, 0, 0);
                assertEquals(reference.get(5, 7), plane.get(5, 7), name);
            }
        }
        assertFalse(BioFormats.configured().isEmpty());
    }
}
