package fluffy.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import fluffy.io.ImageFormatException;
import fluffy.io.ImageFormats;
import fluffy.io.ImageSource;
import fluffy.io.TestImages;

/**
 * The registry follows bundles as they come and go, and a broken contribution (its classes are missing)
 * is reported with its bundle's name without keeping the other formats from working.
 */
class FormatRegistryTest {

    private static final String BROKEN = "org.example.broken.format";

    @TempDir
    Path dir;

    private Path brokenBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", BROKEN + ";singleton:=true");
        main.putValue("Bundle-Version", "1.0.0");
        String pluginXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="fluffy.io.imageFormats">
                      <format id="org.example.brk" name="Broken example" extensions="brk" priority="10"
                            sniffer="org.example.MissingSniffer" reader="org.example.MissingReader"/>
                   </extension>
                </plugin>
                """;
        Path jar = dir.resolve("broken.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            zip.putNextEntry(new JarEntry("plugin.xml"));
            zip.write(pluginXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private static boolean listed(ImageFormats formats) {
        return formats.formats().stream().anyMatch(f -> f.id().equals("org.example.brk"));
    }

    /** Registry events arrive on another thread; wait for them a little. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void aBrokenFormatArrivesIsReportedByBundleAndLeavesAgain() throws Exception {
        ImageFormats formats = ImageFormats.platform();
        Path png = dir.resolve("fine.png");
        ij.IJ.saveAs(new ij.ImagePlus("fine", new ij.process.ByteProcessor(4, 3)), "png", png.toString());
        BundleContext context = FrameworkUtil.getBundle(FormatRegistryTest.class).getBundleContext();
        Bundle bundle;
        try (InputStream in = Files.newInputStream(brokenBundle())) {
            bundle = context.installBundle("test:" + BROKEN, in);
        }
        try {
            bundle.start();
            await(() -> listed(formats), "the new bundle's format is listed");
            assertEquals(BROKEN, formats.formats().stream().filter(f -> f.id().equals("org.example.brk")).findFirst()
                    .orElseThrow().contributor());
            try (ImageSource source = formats.open(png)) {
                assertEquals(4, source.info(0).sizeX(), "the other formats still work");
            }
            Path brk = Files.writeString(dir.resolve("data.brk"), "whatever");
            ImageFormatException e = assertThrows(ImageFormatException.class, () -> formats.open(brk).close());
            assertTrue(e.getMessage().contains("the sniffer of format org.example.brk from bundle " + BROKEN
                    + " cannot be created"), e.getMessage());
        } finally {
            bundle.uninstall();
        }
        await(() -> !listed(formats), "the format is gone with its bundle");
        try (ImageSource after = formats.open(TestImages.hyperstack(dir.resolve("after.tif"), 2, 2, 1, 1, 1))) {
            assertEquals("TIFF (ImageJ)", after.formatName());
        }
    }
}
