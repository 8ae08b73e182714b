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
 * SIGKILL at seeded random moments: a killed predict, training (in its search and in its final training)
 * and export leave outputs that are complete and correct or absent; the same command again (with
 * {@code --resume} for a training) finishes the work, and no temporary file remains.
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
        assertTrue(!Files.exists(killedZip) || Files.size(killedZip) == Files.size(reference),
                "the package is whole or absent");
        assertEquals(0, product.run(export(killedZip)).exit());
        assertTrue(Files.size(killedZip) > 0);
        assertNoTemporaries(folder);
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
