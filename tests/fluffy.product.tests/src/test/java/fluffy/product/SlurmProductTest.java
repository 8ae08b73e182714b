package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.product.ProductInstall.Run;

/**
 * {@code fluffy slurm predict} on a real localhost SLURM: an array of predict tasks gives exactly what one
 * local predict gives, a failing image is named by the check job, and a resubmission predicts only what is
 * missing; {@code fluffy train --executor slurm} runs a search's rounds as array jobs.
 */
class SlurmProductTest {

    @TempDir
    static Path dir;

    static ProductInstall product;
    static LocalSlurm slurm;
    static Path images;

    @BeforeAll
    static void start() throws Exception {
        slurm = LocalSlurm.start();
        product = ProductInstall.unpack(dir);
        // Synthetic nuclei with their label maps (the demo's workspace), so the test needs no shared data.
        Run demo = product.run("demo", "--dir", dir.resolve("demo").toString(), "--images", "40", "--size", "96");
        assertEquals(0, demo.exit(), demo.toString());
        images = dir.resolve("demo/Processed/images");
    }

    @AfterAll
    static void stop() throws Exception {
        if (slurm != null) {
            slurm.close();
        }
    }

    @Test
    void anArrayOfFourTasksGivesTheLabelMapsOfOneLocalPrediction() throws Exception {
        Path local = dir.resolve("local");
        // One thread, as each task has (--cpus-per-task 1): the network's sums then add up in the same order.
        Run one = product.run("predict", "--input", images.toString(), "--output", local.toString(), "--instances",
                "--threads", "1");
        assertEquals(0, one.exit(), one.toString());
        Path cluster = dir.resolve("cluster");
        Run run = product.run(slurm.environment(), "slurm", "predict", "--input", images.toString(), "--output",
                cluster.toString(), "--instances", "--tasks", "4", "--cpus-per-task", "1", "--truth",
                dir.resolve("demo/Processed/masks").toString(), "--wait");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("4 task(s) for 40 image(s)"), run.toString());
        List<Path> maps;
        try (Stream<Path> files = Files.list(images)) {
            maps = files.map(p -> Path.of(p.getFileName().toString().replaceFirst("\\.[^.]+$", ".tif"))).toList();
        }
        assertEquals(40, maps.size());
        for (Path name : maps) {
            assertEquals(-1, Files.mismatch(local.resolve(name), cluster.resolve(name)), name + " differs");
        }
        List<String> manifest = Files.readAllLines(cluster.resolve("slurm/manifest.csv"));
        assertEquals(41, manifest.size(), manifest.toString());
        assertTrue(manifest.stream().skip(1).allMatch(l -> l.endsWith(",complete")), manifest.toString());
        String check = logs(cluster, "check-");
        assertTrue(check.contains("40 of 40 image(s) have their outputs"), check);
        assertTrue(check.contains("all 40 images"), "the check job evaluated the set: " + check);
        for (int task = 0; task < 4; task++) {
            assertTrue(logs(cluster, "predict-").contains("shard " + task + "/4: 10 of 40 image(s)"), "task " + task);
        }
    }

    @Test
    void aFailedImageIsNamedAndAResubmissionPredictsOnlyWhatIsMissing() throws Exception {
        Path in = dir.resolve("some");
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(images)) {
            for (Path p : files.sorted().limit(5).toList()) {
                Files.copy(p, in.resolve(p.getFileName()));
            }
        }
        Files.writeString(in.resolve("broken.tif"), "not an image");
        Path out = dir.resolve("some-out");
        Run first = product.run(slurm.environment(), "slurm", "predict", "--input", in.toString(), "--output",
                out.toString(), "--tasks", "3", "--cpus-per-task", "1", "--wait");
        assertEquals(3, first.exit(), "the check job's exit code: some image lacks outputs\n" + first);
        assertTrue(Files.readAllLines(out.resolve("slurm/manifest.csv")).contains("broken.tif,missing"));
        assertTrue(logs(out, "check-").contains("broken.tif"), "the check job names the image");
        assertTrue(logs(out, "predict-").contains("broken.tif: FAILED: "), "its task says why");

        FileTime old = FileTime.fromMillis(0);
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith("_mask.png")).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
        Files.copy(images.resolve(Files.list(images).sorted().skip(5).findFirst().orElseThrow().getFileName()),
                in.resolve("broken.tif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.list(out.resolve("slurm/logs")).forEach(p -> p.toFile().delete());
        Run again = product.run(slurm.environment(), "slurm", "predict", "--input", in.toString(), "--output",
                out.toString(), "--tasks", "3", "--cpus-per-task", "1", "--wait");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(Files.isRegularFile(out.resolve("broken.tif")));
        String tasks = logs(out, "predict-");
        assertEquals(5, tasks.split("skipped, its outputs are there", -1).length - 1, tasks);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(5, files.filter(p -> p.getFileName().toString().endsWith("_mask.png"))
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).equals(old);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).count(), "the five complete images were left as they were");
        }
    }

    @Test
    void aSearchOfTwoRoundsOfTwoParallelTrialsRunsItsFoldsAsArrayTasks() throws Exception {
        Path data = dir.resolve("demo/Processed");
        List<String> search = List.of("--dir_in", data.toString(), "--dir_out", dir.resolve("runs").toString(),
                "--use_defaults", "false", "--folds", "2", "--search-epochs", "1", "--epochs", "1",
                "--steps-per-epoch", "2", "--crop", "48", "--parallel-trials", "2", "--seed", "5");
        List<String> cluster = new java.util.ArrayList<>(List.of("train"));
        cluster.addAll(search);
        cluster.addAll(List.of("--name", "cluster", "--trials", "4", "--executor", "slurm", "--cpus-per-task", "1"));
        Run run = product.run(slurm.environment(), cluster.toArray(String[]::new));
        assertEquals(0, run.exit(), run.toString());
        Path record = dir.resolve("runs/cluster/search.json");
        String json = Files.readString(record);
        List<String> points = points(json);
        assertEquals(4, points.size(), json);
        assertEquals(4, json.split("\"status\": \"completed\"", -1).length - 1, "every trial completed: " + json);
        for (int round = 1; round <= 2; round++) {
            Path folder = dir.resolve("runs/cluster/search/round-00" + round);
            assertTrue(Files.isRegularFile(folder.resolve("trials.sbatch")), folder.toString());
            for (int trial = 2 * round - 1; trial <= 2 * round; trial++) {
                for (int fold = 1; fold <= 2; fold++) {
                    assertTrue(Files.isRegularFile(folder.resolve("trial-" + trial + "-fold-" + fold
                            + ".result.properties")), "trial " + trial + " fold " + fold + " ran as a task");
                }
            }
        }
        assertTrue(run.err().contains("round 2: array job"), run.toString());
        List<String> csv = Files.readAllLines(dir.resolve("runs/cluster/search.csv"));
        assertEquals(1 + 4 * 2, csv.size(), "a row per trial and fold: " + csv);
        assertTrue(Files.isRegularFile(dir.resolve("runs/cluster/model.onnx")), "the final training ran");
        java.util.regex.Matcher job = java.util.regex.Pattern.compile("final training: SLURM job (\\d+)")
                .matcher(run.out());
        assertTrue(job.find(), "the final training was one more job: " + run);
        String finalLog = Files.readString(dir.resolve("runs/cluster/final/logs/train-" + job.group(1) + ".out"));
        assertTrue(finalLog.contains("resuming the search after trial 4 of 4") && finalLog.contains("epoch   1"),
                "the job resumed the searched run and trained it: " + finalLog);
        assertTrue(Files.readString(dir.resolve("runs/cluster/run.json")).contains("\"status\": \"completed\""));
        assertTrue(run.out().contains("best epoch 1 (chosen on validation)"), run.toString());

        List<String> here = new java.util.ArrayList<>(List.of("train"));
        here.addAll(search);
        // One thread, as each task has (--cpus-per-task 1), so that the trainings add up in the same order.
        here.addAll(List.of("--name", "local", "--trials", "2", "--executor", "local", "--threads", "1"));
        Run local = product.run(here.toArray(String[]::new));
        assertEquals(0, local.exit(), local.toString());
        String localJson = Files.readString(dir.resolve("runs/local/search.json"));
        assertEquals(points.subList(0, 2), points(localJson), "a local search with the same seed proposes the same round");
        assertEquals(scores(json).get(0), scores(localJson).get(0), "trial 1 scores the same here and as array tasks");
    }

    /** The trials' mean scores in a search.json, in order, as written. */
    private static List<String> scores(String json) {
        return all(json, "\"mean_score\": [^,\\n]*");
    }

    /** The trials' points in a search.json, in order, as written. */
    private static List<String> points(String json) {
        return all(json, "\"point\": \\{[^}]*\\}");
    }

    private static List<String> all(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String logs(Path output, String prefix) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(output.resolve("slurm/logs"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }
}
