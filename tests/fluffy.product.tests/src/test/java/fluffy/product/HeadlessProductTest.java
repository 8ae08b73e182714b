package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import fluffy.product.ProductInstall.Run;

/** The unpacked product, headless: version, help, and the example extension installed through p2. */
@TestMethodOrder(OrderAnnotation.class)
class HeadlessProductTest {

    static final String EXAMPLE_FEATURE = "org.example.fluffy.imageinfo.feature";
    static final String EXAMPLE_BUNDLE = "org.example.fluffy.imageinfo";

    @TempDir
    static Path dir;

    static ProductInstall product;

    @BeforeAll
    static void unpack() throws Exception {
        product = ProductInstall.unpack(dir);
    }

    /** A folder of the shared test data; the test is skipped when it is absent (a user's clone). */
    static Path sharedData(String folder) {
        Path path = Path.of(System.getProperty("fluffy.shared.data", "../../../shared/data"), folder);
        Assumptions.assumeTrue(Files.isDirectory(path), "shared test data not found at " + path + "; skipping");
        return path;
    }

    /** A tiny 8-bit image in a format ImageJ reads, written without any image library. */
    static Path pgm(Path folder) throws IOException {
        return Files.writeString(folder.resolve("tiny.pgm"), "P2\n3 2\n255\n0 10 20\n30 40 250\n");
    }

    @Test
    @Order(1)
    void versionReportsTheRuntimeAndTheDeviceWithItsReason() throws Exception {
        Run run = product.run("version");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("Fluffy Workbench 0.1.0."), run.toString());
        assertTrue(run.out().contains("\nJava: "), run.toString());
        assertTrue(run.out().contains("\nONNX Runtime: 1.29.0\n"), run.toString());
        assertTrue(run.out().matches("(?s).*\ndevice: (CPU \\(CUDA not available: .+\\)|CUDA:0 \\(.+\\))\n"),
                run.toString());
    }

    @Test
    @Order(2)
    void helpAndExitCodes() throws Exception {
        Run help = product.run("--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("  version "), help.out());
        assertTrue(help.out().contains("  install "), help.out());
        Run unknown = product.run("no-such-command");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("unknown command 'no-such-command'"), unknown.toString());
        Run cuda = product.run("version", "--device", "cuda:7");
        if (cuda.out().contains("device: none: CUDA was requested but is not available")) {
            assertEquals(1, cuda.exit(), "an unusable device is a failure: " + cuda);
        }
    }

    @Test
    @Order(3)
    void noExtensionIsInstalledAtFirst() throws Exception {
        Run run = product.run("extensions");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("Installed extensions:\n  none"), run.toString());
        assertTrue(run.out().contains("fluffy.headless.commands"), run.toString());
    }

    @Test
    @Order(4)
    void installsTheExampleThroughTheP2DirectorFromTheBuildsRepository() throws Exception {
        String repository = System.getProperty("fluffy.repository.dir");
        Run install = product.run("install", "--repository", repository, EXAMPLE_FEATURE);
        assertEquals(0, install.exit(), install.toString());

        Run extensions = product.run("extensions");
        assertEquals(0, extensions.exit(), extensions.toString());
        String installed = extensions.out().substring(extensions.out().indexOf("Installed extensions:"),
                extensions.out().indexOf("Built in:"));
        assertTrue(installed.contains("  " + EXAMPLE_BUNDLE + " 1.0.0."), extensions.toString());
        assertTrue(installed.contains("command image-info: Print size, pixel type"), extensions.toString());
        assertTrue(installed.contains("modelType org.example.shallow: A few 3x3 convolutions"), extensions.toString());

        Run models = product.run("models");
        assertEquals(0, models.exit(), models.toString());
        assertTrue(models.out().contains("org.example.shallow  Shallow FCN (example)  (bundle " + EXAMPLE_BUNDLE + ")"),
                models.toString());
        assertTrue(models.out().contains("--layers             an integer 1..6; default 3."), models.toString());
        assertTrue(models.out().contains("unet.categorical  Categorical U-Net (instances)"), models.toString());

        Run info = product.run("image-info", pgm(dir).toString());
        assertEquals(0, info.exit(), info.toString());
        assertEquals("tiny.pgm: 3 x 2, 1 plane(s), 8-bit, min 0.000, max 250.0, mean 58.33\n", info.out());
    }

    @Test
    @Order(5)
    void uninstallRemovesItAgain() throws Exception {
        Run uninstall = product.run("uninstall", EXAMPLE_FEATURE);
        assertEquals(0, uninstall.exit(), uninstall.toString());
        Run extensions = product.run("extensions");
        assertFalse(extensions.out().contains(EXAMPLE_BUNDLE), extensions.toString());
        assertEquals(2, product.run("image-info", "x").exit(), "the command is gone");
    }

    /** init, prepare and labels on a workspace built from the shared CryoNuSeg files, as a user runs them. */
    @Test
    @Order(6)
    void preparesAWorkspaceFromRawImagesToTrainingPairs() throws Exception {
        Path cryo = sharedData("roisets/cryonuseg/TCGA-S4-A8RO");
        Path ws = dir.resolve("workspace");
        Run init = product.run("init", ws.toString());
        assertEquals(0, init.exit(), init.toString());
        assertTrue(init.out().contains("  Raw/               created"), init.toString());
        try (var files = Files.list(cryo)) {
            Path tif = files.filter(p -> p.toString().endsWith(".tif")).findFirst().orElseThrow();
            Files.copy(tif, ws.resolve("Raw/cells.tif"));
        }
        Files.writeString(ws.resolve("Raw/broken.png"), "not a png");

        Run prepare = product.run("prepare", ws.toString());
        assertEquals(3, prepare.exit(), "one file failed, the other was prepared: " + prepare);
        assertTrue(prepare.out().contains("cells.tif: prepared cells (512 x 512, RGB uint8, TIFF (ImageJ))"), prepare.toString());
        assertTrue(prepare.err().contains("broken.png: FAILED: the name says"), prepare.toString());
        assertTrue(Files.isRegularFile(ws.resolve("Labeling/cells/images/cells.tif")), prepare.toString());

        Files.copy(cryo.resolve("RoiSet.zip"), ws.resolve("Labeling/cells/RoiSet.zip"));
        Run labels = product.run("labels", ws.toString());
        assertEquals(0, labels.exit(), labels.toString());
        assertTrue(labels.out().startsWith("cells: labelled cells (RoiSet.zip: 117 area ROIs -> 116 objects"), labels.toString());
        assertTrue(Files.isRegularFile(ws.resolve("Processed/masks/cells.tif")), labels.toString());
        assertTrue(Files.isRegularFile(ws.resolve("Processed/images/cells.tif")), labels.toString());
    }

    @Test
    @Order(7)
    void trainsPredictsEvaluatesTunesAndExportsATinyModel() throws Exception {
        Path dsb = sharedData("dsb2018-fluo");
        Path data = dir.resolve("dsb");
        Files.createDirectories(data.resolve("images"));
        Files.createDirectories(data.resolve("masks"));
        try (var files = Files.list(dsb.resolve("images"))) {
            for (Path image : files.sorted().limit(3).toList()) {
                Files.copy(image, data.resolve("images").resolve(image.getFileName()));
                Files.copy(dsb.resolve("masks").resolve(image.getFileName()), data.resolve("masks").resolve(image.getFileName()));
            }
        }
        Run byDefault = product.run("predict", "--input", data.resolve("images").toString(), "--output",
                dir.resolve("default").toString(), "--instances");
        assertEquals(0, byDefault.exit(), byDefault.toString());
        assertTrue(byDefault.err().contains("nuclei.onnx (unet.categorical)"), "the bundled default model: " + byDefault);
        assertTrue(byDefault.out().contains("3 of 3 image(s) predicted"), byDefault.toString());

        Run train = product.run("train", "--dir_in", data.toString(), "--dir_out", dir.resolve("runs").toString(),
                "--name", "tiny", "--epochs", "1", "--steps-per-epoch", "2", "--batch", "2", "--crop", "64",
                "--hyperparameters", "depth=2 width=4 last_width=4");
        assertEquals(0, train.exit(), train.toString());
        String model = dir.resolve("runs/tiny/model.onnx").toString();
        Path pred = dir.resolve("pred");
        Run predict = product.run("predict", "--model", model, "--input", data.resolve("images").toString(),
                "--output", pred.toString(), "--instances", "--tile", "128", "--overlap", "16");
        assertEquals(0, predict.exit(), predict.toString());
        assertTrue(predict.out().contains("3 of 3 image(s) predicted"), predict.toString());
        try (var files = Files.list(pred)) {
            assertEquals(15, files.count(), "5 files per image");
        }
        Run evaluate = product.run("evaluate", "--pred", pred.toString(), "--truth", data.resolve("masks").toString());
        assertEquals(0, evaluate.exit(), evaluate.toString());
        assertTrue(evaluate.out().contains("all 3 images"), evaluate.toString());
        // A repeated share of the batch (a requeued array task) finds its image done and skips it.
        Run again = product.run("predict", "--model", model, "--input", data.resolve("images").toString(),
                "--output", pred.toString(), "--instances", "--shard", "1/3");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.err().contains("shard 1/3: 1 of 3 image(s)"), again.toString());
        assertTrue(again.out().contains("0 of 1 image(s) predicted") && again.out().contains("1 skipped"),
                again.toString());
        Path tuned = dir.resolve("tuned.onnx");
        Run tune = product.run("tune", "--model", model, "--images", data.resolve("images").toString(), "--masks",
                data.resolve("masks").toString(), "--output", tuned.toString());
        assertEquals(0, tune.exit(), tune.toString());
        assertTrue(tune.out().contains("with the best settings") && Files.isRegularFile(tuned), tune.toString());
        Run export = product.run("export", "--model", model, "--format", "bioimageio", "--output",
                dir.resolve("tiny.zip").toString());
        assertEquals(0, export.exit(), export.toString());
        assertTrue(Files.size(dir.resolve("tiny.zip")) > 1000, export.toString());
    }

    @Test
    @Order(8)
    void demoSegmentsASyntheticWorkspaceWithTheDefaultModelAndScoresIt() throws Exception {
        Path demo = dir.resolve("demo");
        Run run = product.run("demo", "--dir", demo.toString(), "--images", "2", "--size", "256");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("all 2 images"), run.toString());
        Matcher f1 = Pattern.compile("\\n  0\\.50 +\\d+ +\\d+ +\\d+ +[0-9.]+ +[0-9.]+ +([0-9.]+)").matcher(run.out());
        assertTrue(f1.find(), run.toString());
        // The default model scores about 0.96 here; a broken pipeline scores ~0, merged clusters about 0.7.
        assertTrue(Double.parseDouble(f1.group(1)) > 0.8, "the default model finds synthetic nuclei: " + run.out());
        for (String name : List.of("Raw/nuclei_01.tif", "Processed/masks/nuclei_02.tif", "Predictions/nuclei/nuclei_01_overlay.png",
                "Predictions/nuclei/evaluation.csv")) {
            assertTrue(Files.isRegularFile(demo.resolve(name)), name + " in " + run);
        }
        Run again = product.run("demo", "--dir", demo.toString(), "--images", "1", "--size", "128");
        assertEquals(1, again.exit(), "an existing folder is never reused: " + again);
        assertTrue(again.err().contains("already exists"), again.toString());
    }
}
