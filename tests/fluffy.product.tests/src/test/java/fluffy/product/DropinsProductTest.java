package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.product.ProductInstall.Run;

/** The example extension installed the simplest way: its jar copied into dropins/. */
class DropinsProductTest {

    @Test
    void aBundleCopiedIntoDropinsIsActiveAtTheNextStart(@TempDir Path dir) throws Exception {
        ProductInstall product = ProductInstall.unpack(dir);
        Path jar = ProductInstall.only(Path.of(System.getProperty("fluffy.repository.dir"), "plugins"),
                HeadlessProductTest.EXAMPLE_BUNDLE + "_*.jar");
        Path dropins = Files.createDirectories(product.home.resolve("dropins"));
        Files.copy(jar, dropins.resolve(jar.getFileName()));

        Run extensions = product.run("extensions");
        assertEquals(0, extensions.exit(), extensions.toString());
        assertTrue(extensions.out().contains("Installed extensions:\n  " + HeadlessProductTest.EXAMPLE_BUNDLE + " 1.0.0."),
                extensions.toString());

        // A batch with one bad file: the bad one is named, the good one is still done, exit code 3.
        Path good = HeadlessProductTest.pgm(dir);
        Path missing = dir.resolve("missing.tif");
        Run info = product.run("image-info", good.toString(), missing.toString());
        assertEquals(3, info.exit(), info.toString());
        assertTrue(info.out().startsWith("tiny.pgm: 3 x 2"), info.toString());
        assertEquals("image-info: " + missing + ": no such file\n", info.err());
    }
}
