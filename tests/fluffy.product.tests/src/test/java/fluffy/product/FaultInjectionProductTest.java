package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.product.ProductInstall.Run;

/**
 * SIGKILL at seeded random moments: a killed prepare, labels, predict, training (in its search and in its
 * final training) and export leave outputs that are complete and correct or absent; the same command again
 * (with {@code --resume} for a training) finishes the work, and no temporary file remains. And a full or
 * read-only disk (a real tmpfs; needs root) under prepare, labels, train and export: one clear message,
 * nothing partial.
 */
class FaultInjectionProductTest {

    private static final String TEMPORARY_PREFIX = ".fluffy-tmp-";

    @TempDir
    static Path dir;

    static ProductInstall product;
    static Path data;

    private final Random random = new Random(18);

    @BeforeAll
    static void setUp() throws Exception {
        product = ProductInstall.unpack(dir);
        Run demo = product.run("demo", "--dir", dir.resolve("demo").toString(), "--images", "16", "--size", "128");
        assertEquals(0, demo.exit(), demo.toString());
        data = dir.resolve("demo/Processed");
    }

    @Test
    void aKilledPredictionLeavesWholeImagesOrNoneAndTheSameCommandFinishesIt() throws Exception {
        Path reference = dir.resolve("predict-reference");
        long began = System.nanoTime();
        Run whole = product.run(predict(reference));
        double seconds = (System.nanoTime() - began) / 1e9;
        assertEquals(0, whole.exit(), whole.toString());
        List<Path> maps = labelMaps(reference);
        assertEquals(16, maps.size());
        int killed = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path out = dir.resolve("predict-killed-" + attempt);
            // Between JVM start-up and the end: most kills land inside the batch.
            killed += killAfter(predict(out), seconds * (0.35 + 0.6 * random.nextDouble())) ? 1 : 0;
            for (Path map : maps) {
                Path there = out.resolve(map.getFileName());
                assertTrue(!Files.exists(there) || Files.mismatch(map, there) == -1,
                        there + " is a label map, whole, or absent");
            }
            Run again = product.run(predict(out));
            assertEquals(0, again.exit(), again.toString());
            for (Path map : maps) {
                assertEquals(-1, Files.mismatch(map, out.resolve(map.getFileName())), map.getFileName() + " differs");
            }
            assertNoTemporaries(out);
        }
        assertTrue(killed >= 2, "the kills landed while predict ran (" + killed + " of 3)");
    }

    /**
     * An image too large for the heap fails with a message that names it and says what to do, and the batch
     * goes on with the next image. Before, the OutOfMemoryError left fluffy with exit code 0, no output and
     * the reason only in Equinox's log.
     */
    @Test
    void anImageTooLargeForTheHeapIsNamedAndTheBatchGoesOn() throws Exception {
        Path in = Files.createDirectories(dir.resolve("memory-in"));
        // A 4096 x 4096 8-bit TIFF (a checkerboard): its probabilities alone need more than the 256 MB heap
        // allowed below. The JDK's own TIFF writer makes it.
        int side = 4096;
        java.awt.image.BufferedImage large = new java.awt.image.BufferedImage(side, side,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) large.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i % side / 64 + i / side / 64) % 2 == 0 ? 30 : 200);
        }
        assertTrue(javax.imageio.ImageIO.write(large, "tiff", in.resolve("a_large.tif").toFile()), "a TIFF writer");
        Files.copy(data.resolve("images/nuclei_01.tif"), in.resolve("b_small.tif"));
        Path out = dir.resolve("memory-out");
        Run run = product.run(java.util.Map.of("FLUFFY_JAVA_OPTS", "-Xmx256m"), "predict", "--input", in.toString(),
                "--output", out.toString(), "--instances", "--diameter", "none");
        assertEquals(3, run.exit(), "one image failed, one was predicted: " + run);
        assertTrue(run.err().contains("a_large.tif: FAILED: not enough memory for this image"), run.toString());
        assertTrue(run.err().contains("FLUFFY_JAVA_OPTS=-Xmx"), run.toString());
        assertTrue(run.out().contains("b_small.tif: "), run.toString());
        assertTrue(Files.isRegularFile(out.resolve("b_small.tif")), "the next image was predicted");
        assertTrue(Files.notExists(out.resolve("a_large.tif")), "no label map for the failed image");
        assertNoTemporaries(out);
    }

    @Test
    void aKilledTrainingResumesToAFinishedRunInItsFinalTrainingAndInItsSearch() throws Exception {
        int killed = 0;
        for (boolean search : new boolean[] {false, true}) {
            String name = search ? "search" : "final";
            List<String> train = new ArrayList<>(List.of("train", "--dir_in", data.toString(), "--dir_out",
                    dir.resolve("runs").toString(), "--name", name, "--steps-per-epoch", "4", "--crop", "48",
                    "--batch", "2", "--threads", "1"));
            train.addAll(search ? List.of("--use_defaults", "false", "--trials", "2", "--folds", "2",
                    "--search-epochs", "1", "--epochs", "1") : List.of("--epochs", "6"));
            killed += killAfter(train.toArray(String[]::new), 6 + 4 * random.nextDouble()) ? 1 : 0;
            Path run = dir.resolve("runs").resolve(name);
            train.add("--resume");
            Run resumed = product.run(train.toArray(String[]::new));
            assertEquals(0, resumed.exit(), resumed.toString());
            assertTrue(Files.readString(run.resolve("run.json")).contains("\"status\": \"completed\""), name);
            assertTrue(Files.size(run.resolve("model.onnx")) > 0, name);
            if (search) {
                String record = Files.readString(run.resolve("search.json"));
                // Each trial ended by itself: completed, or stopped early when its first fold was far behind.
                assertEquals(2, record.split("\"status\": \"(completed|stopped_early)\"", -1).length - 1, record);
            }
            assertNoTemporaries(run);
            Run predicted = product.run("predict", "--model", run.resolve("model.onnx").toString(), "--input",
                    data.resolve("images").toString(), "--output", dir.resolve("with-" + name).toString());
            assertEquals(0, predicted.exit(), "the resumed run's model works: " + predicted);
        }
        assertTrue(killed >= 1, "a kill landed while train ran (" + killed + " of 2)");
    }

    @Test
    void aKilledExportLeavesAWholePackageOrNone() throws Exception {
        Path folder = dir.resolve("exports");
        Files.createDirectories(folder);
        Path reference = folder.resolve("reference.zip");
        String[] whole = export(reference);
        long began = System.nanoTime();
        assertEquals(0, product.run(whole).exit());
        double seconds = (System.nanoTime() - began) / 1e9;
        Path killedZip = folder.resolve("killed.zip");
        killAfter(export(killedZip), seconds * (0.5 + 0.5 * random.nextDouble()));
        // Whole: the reference's entries, each reading back to its checksum. Not the reference's size: a package
        // that was finished before the kill has another timestamp in rdf.yaml, which can deflate a byte apart.
        assertTrue(!Files.exists(killedZip) || entries(killedZip).equals(entries(reference)),
                "the package is whole or absent");
        assertEquals(0, product.run(export(killedZip)).exit());
        assertTrue(Files.size(killedZip) > 0);
        assertNoTemporaries(folder);
    }

    /** The entry names of a zip, each read to its end (a damaged or cut-off entry fails its checksum). */
    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e = file.entries(); e.hasMoreElements();) {
                java.util.zip.ZipEntry entry = e.nextElement();
                try (var in = file.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void aKilledPrepareOrLabelsLeavesWholeFilesOrNoneAndTheSameCommandFinishesIt() throws Exception {
        Path reference = workspace("steps-reference");
        double prepareSeconds = timed("prepare", reference);
        Path killed = workspace("steps-killed");
        int landed = killAfter(new String[] {"prepare", killed.toString()},
                prepareSeconds * (0.3 + 0.6 * random.nextDouble())) ? 1 : 0;
        assertWholeOrAbsent(reference.resolve("Labeling"), killed.resolve("Labeling"), false);
        assertEquals(0, product.run("prepare", killed.toString()).exit());
        assertWholeOrAbsent(reference.resolve("Labeling"), killed.resolve("Labeling"), true);

        addMasks(reference);
        double labelsSeconds = timed("labels", reference);
        addMasks(killed);
        landed += killAfter(new String[] {"labels", killed.toString()},
                labelsSeconds * (0.3 + 0.6 * random.nextDouble())) ? 1 : 0;
        assertWholeOrAbsent(reference.resolve("Processed"), killed.resolve("Processed"), false);
        assertEquals(0, product.run("labels", killed.toString()).exit());
        assertWholeOrAbsent(reference.resolve("Processed"), killed.resolve("Processed"), true);
        assertNoTemporaries(killed);
        assertTrue(landed >= 1, "a kill landed while prepare or labels ran (" + landed + " of 2)");
    }

    @Test
    void aFullOrReadOnlyDiskStopsEachStepWithOneMessageAndLeavesNothingPartial() throws Exception {
        for (String options : new String[] {"size=96k", "ro,size=96k"}) {
            boolean readOnly = options.startsWith("ro");
            String cause = readOnly ? "cannot be written (read-only or no permission)" : "no space left on the device";
            Path ws = workspace("disk-" + (readOnly ? "ro" : "full"));
            assertStoppedOnce(onTmpfs(ws.resolve("Labeling"), options, "prepare", ws.toString()), cause);
            assertEquals(0, product.run("prepare", ws.toString()).exit(), "a rerun with room prepares everything");
            addMasks(ws);
            assertStoppedOnce(onTmpfs(ws.resolve("Processed"), options, "labels", ws.toString()), cause);

            Path out = dir.resolve("disk-out-" + (readOnly ? "ro" : "full"));
            Files.createDirectories(out);
            mountTmpfs(out, readOnly ? "ro,size=1m" : "size=1m");
            try {
                Run train = product.run("train", "--dir_in", data.toString(), "--dir_out", out.toString(), "--name",
                        "run", "--epochs", "1", "--steps-per-epoch", "2", "--crop", "48", "--batch", "2");
                assertEquals(1, train.exit(), train.toString());
                assertTrue(train.err().contains(readOnly ? "Read-only file system" : "No space left on device"),
                        train.toString());
                if (!readOnly) {
                    assertTrue(Files.readString(out.resolve("run/run.json")).contains("\"status\": \"failed\""),
                            "the record, written atomically, says the run failed");
                }
                Run export = product.run(export(out.resolve("model.zip")));
                assertEquals(1, export.exit(), export.toString());
                assertTrue(export.err().contains("model.zip was not written: ") && export.err().contains(cause)
                        && export.err().contains("nothing partial is left"), export.toString());
                assertTrue(!Files.exists(out.resolve("model.zip")));
                assertNoTemporaries(out);
            } finally {
                umount(out);
            }
        }
    }

    /** One FAILED line, for the first item, naming the cause and that the batch stopped; no temporary files. */
    private static void assertStoppedOnce(Run run, String cause) throws IOException {
        assertTrue(run.exit() == 1 || run.exit() == 3, "a failed batch: " + run);
        List<String> failed = (run.out() + run.err()).lines().filter(l -> l.contains(": FAILED: ")).toList();
        assertEquals(1, failed.size(), run.toString());
        assertTrue(failed.get(0).contains(cause) && failed.get(0).contains("the batch stopped here"), failed.get(0));
    }

    /** A new workspace whose Raw/ holds the demo's 16 images four times over (64 items). */
    private static Path workspace(String name) throws Exception {
        Path ws = dir.resolve(name);
        assertEquals(0, product.run("init", ws.toString()).exit());
        try (Stream<Path> raw = Files.list(dir.resolve("demo/Raw"))) {
            for (Path image : raw.sorted().toList()) {
                for (int copy = 0; copy < 4; copy++) {
                    Files.copy(image, ws.resolve("Raw").resolve("c" + copy + "_" + image.getFileName()));
                }
            }
        }
        return ws;
    }

    /** Gives each prepared item the demo's true label map as its annotation (Labeling/NAME/masks/NAME.tif). */
    private static void addMasks(Path ws) throws IOException {
        try (Stream<Path> items = Files.list(ws.resolve("Labeling"))) {
            for (Path item : items.sorted().toList()) {
                String name = item.getFileName().toString();
                Path truth = data.resolve("masks").resolve(name.substring(name.indexOf('_') + 1) + ".tif");
                Files.createDirectories(item.resolve("masks"));
                Files.copy(truth, item.resolve("masks").resolve(name + ".tif"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static double timed(String step, Path ws) throws Exception {
        long began = System.nanoTime();
        Run run = product.run(step, ws.toString());
        assertEquals(0, run.exit(), run.toString());
        return (System.nanoTime() - began) / 1e9;
    }

    /**
     * Every file under {@code reference} is, under {@code other}, byte-identical or (unless {@code all}) absent;
     * and nothing is there that the reference lacks.
     */
    private static void assertWholeOrAbsent(Path reference, Path other, boolean all) throws IOException {
        try (Stream<Path> files = Files.walk(reference)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path there = other.resolve(reference.relativize(f).toString());
                if (all || Files.exists(there)) {
                    assertEquals(-1, Files.mismatch(f, there), there + " is whole and the same as an uninterrupted run's");
                }
            }
        }
        try (Stream<Path> files = Files.walk(other)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(TEMPORARY_PREFIX) || all) {
                    assertTrue(Files.exists(reference.resolve(other.relativize(f).toString())), f + " is unexpected");
                }
            }
        }
    }

    /** Mounts a tmpfs with the options on {@code at}, or skips the test where that cannot be done (not root). */
    private static void mountTmpfs(Path at, String options) throws Exception {
        Files.createDirectories(at);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs (" + options
                + ") here: " + said.strip());
        if (!options.startsWith("ro")) {
            // What the step expects beneath its output folder, as init made it.
            if (at.getFileName().toString().equals("Processed")) {
                Files.createDirectories(at.resolve("images"));
                Files.createDirectories(at.resolve("masks"));
            }
        }
    }

    /** Runs the command with a tmpfs of these options mounted on {@code at}. */
    private static Run onTmpfs(Path at, String options, String... command) throws Exception {
        mountTmpfs(at, options);
        try {
            return product.run(command);
        } finally {
            umount(at);
        }
    }

    private static void umount(Path at) throws Exception {
        new ProcessBuilder("umount", at.toString()).start().waitFor();
    }

    /** The default model as a bioimage.io package. */
    private static String[] export(Path out) {
        return new String[] {"export", "--format", "bioimageio", "--output", out.toString()};
    }

    private static String[] predict(Path out) {
        return new String[] {"predict", "--input", data.resolve("images").toString(), "--output", out.toString(),
            "--instances", "--threads", "1"};
    }

    /** Starts the command and SIGKILLs it after {@code seconds}; whether it was still running then. */
    private static boolean killAfter(String[] command, double seconds) throws Exception {
        Process p = product.builder(java.util.Map.of(), command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = p.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        if (ended) {
            return false;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        p.waitFor();
        return true;
    }

    private static List<Path> labelMaps(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tif")).sorted().toList();
        }
    }

    private static void assertNoTemporaries(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> left = files.filter(f -> f.getFileName().toString().startsWith(TEMPORARY_PREFIX)).toList();
            assertEquals(List.of(), left, "temporary files left in " + folder);
        }
    }
}
