package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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

        // Its instance model type, trained and used like Fluffy's own: predict --instances runs the
        // type's own post-processing (centres grown by its watershed), which Fluffy does not know.
        Path demo = dir.resolve("demo");
        assertEquals(0, product.run("demo", "--dir", demo.toString(), "--images", "6", "--size", "128").exit());
        Run train = product.run("train", "--dir_in", demo.toString(), "--dir_out", dir.resolve("runs").toString(),
                "--name", "centers", "--model-type", "org.example.centers", "--hyperparameters", "depth=2 width=8",
                "--epochs", "2", "--steps-per-epoch", "10", "--batch", "4", "--crop", "64", "--device", "cpu");
        assertEquals(0, train.exit(), train.toString());
        assertTrue(train.err().startsWith("training org.example.centers"), train.toString());
        Path out = dir.resolve("predicted");
        Run predict = product.run("predict", "--model", dir.resolve("runs/centers/model.onnx").toString(), "--input",
                demo.resolve("Processed/images").toString(), "--output", out.toString(), "--instances", "--device", "cpu");
        assertEquals(0, predict.exit(), predict.toString());
        assertTrue(predict.out().matches("(?s).*nuclei_01\\.tif: \\d+ objects.*"), predict.toString());
        assertTrue(Files.isRegularFile(out.resolve("nuclei_06.tif")), predict.toString());
    }

    /** A broken extension leaves the others working and is listed under Problems, by bundle. */
    @Test
    void aBrokenExtensionsDeclarationsAreListedAsProblemsAndTheRestWorks(@TempDir Path dir) throws Exception {
        ProductInstall product = ProductInstall.unpack(dir);
        Path dropins = Files.createDirectories(product.home.resolve("dropins"));
        brokenBundle(dropins.resolve("org.example.broken_1.0.0.jar"));
        Run extensions = product.run("extensions");
        assertEquals(0, extensions.exit(), extensions.toString());
        String problems = extensions.out().substring(extensions.out().indexOf("\nProblems:\n"));
        for (String p : List.of("ignoring a malformed command from bundle org.example.broken: the name 'Bad Name'",
                "ignoring a malformed model type from bundle org.example.broken: the attribute 'class' is missing",
                "image format 'fluffy.io.imagej' from bundle org.example.broken clashes with the one from fluffy.io")) {
            assertTrue(problems.contains(p), p + " in " + extensions);
        }
        assertTrue(extensions.err().contains("fluffy: ignoring a malformed command from bundle org.example.broken"),
                "the CLI says so when it starts: " + extensions);
        Run models = product.run("models");
        assertEquals(0, models.exit(), models.toString());
        assertTrue(models.out().contains("unet.categorical"), "the built-in types are still there: " + models);
    }

    /** A bundle whose declarations are all wrong: a bad command name, a model type without class, a taken id. */
    private static void brokenBundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.broken;singleton:=true");
        main.putValue("Bundle-Version", "1.0.0");
        String pluginXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="fluffy.headless.commands">
                      <command name="Bad Name" summary="s" class="org.example.Bad"/>
                   </extension>
                   <extension point="fluffy.models.modelTypes">
                      <modelType id="org.example.classless" name="No class"/>
                   </extension>
                   <extension point="fluffy.io.imageFormats">
                      <format id="fluffy.io.imagej" name="Mine" sniffer="x.S" reader="x.R"/>
                   </extension>
                </plugin>
                """;
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            zip.putNextEntry(new JarEntry("plugin.xml"));
            zip.write(pluginXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
