package fluffy.io.bioformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the jar comes from, and what is said when it is not what it should be. */
class JarLocationTest {

    @TempDir
    Path dir;

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsThePreference() {
        assertEquals(Optional.empty(), JarLocation.first(null, " ", ""));
        assertEquals("--bioformats (fluffy.bioformats.jar)", JarLocation.first("/a.jar", "/b.jar", "/c.jar").orElseThrow().origin());
        JarLocation env = JarLocation.first(null, "/b.jar", "/c.jar").orElseThrow();
        assertEquals(Path.of("/b.jar"), env.jar());
        assertEquals("$FLUFFY_BIOFORMATS_JAR", env.origin());
        assertEquals("the Bio-Formats preference", JarLocation.first("", null, "/c.jar").orElseThrow().origin());
    }

    @Test
    void aMissingFileOrAJarWithoutBioFormatsIsNamedWithItsSetting() throws IOException {
        JarLocation missing = new JarLocation(dir.resolve("bioformats_package.jar"), "$FLUFFY_BIOFORMATS_JAR");
        assertEquals("the Bio-Formats jar " + missing.jar() + " (from $FLUFFY_BIOFORMATS_JAR) does not exist", missing.problem());

        Path other = dir.resolve("other.jar");
        try (OutputStream out = Files.newOutputStream(other); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/example/Thing.class"));
            zip.closeEntry();
        }
        String problem = new JarLocation(other, "--bioformats (fluffy.bioformats.jar)").problem();
        assertTrue(problem.contains("is not a Bio-Formats jar: it has no loci.formats.ImageReader"), problem);

        Path text = Files.writeString(dir.resolve("text.jar"), "not a zip");
        assertTrue(new JarLocation(text, "x").problem().contains("is not a readable jar"));

        Path fake = dir.resolve("fake.jar");
        try (OutputStream out = Files.newOutputStream(fake); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("loci/formats/ImageReader.class"));
            zip.closeEntry();
        }
        assertNull(new JarLocation(fake, "x").problem());
    }
}
