package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.runtime.session.SessionSettings;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/**
 * Shards split a batch into disjoint shares that cover it; a repeated run skips the images whose outputs
 * are complete (a requeued SLURM task is harmless) and redoes those cut short.
 */
class ResumablePredictionTest {

    @Test
    void sharesAreDisjointAndCoverTheInputs() {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            inputs.add(i);
        }
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < 4; k++) {
            for (int i : new Shard(k, 4).of(inputs)) {
                assertTrue(seen.add(i), "input " + i + " in two shares");
            }
        }
        assertEquals(23, seen.size());
        assertEquals(List.of(1, 5, 9, 13, 17, 21), Shard.parse("1/4").of(inputs));
        assertEquals(new Shard(2, 5), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "3",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "5")));
        assertEquals(Shard.ALL, Shard.fromEnvironment(Map.of("SLURM_JOB_ID", "7")));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "9",
                "SLURM_ARRAY_TASK_COUNT", "5")));
    }

    @Test
    void aRepeatedRunSkipsCompleteImagesAndRedoesTheRest(@TempDir Path dir) throws Exception {
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(96, 96));
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] d = generator.generate(i).image().data();
            short[] pixels = new short[d.length];
            for (int p = 0; p < d.length; p++) {
                pixels[p] = (short) Math.min(65535, Math.round(d[p]));
            }
            Path file = dir.resolve("in/img" + i + ".tif");
            Files.createDirectories(file.getParent());
            new FileSaver(new ImagePlus("img" + i, new ShortProcessor(96, 96, pixels, null))).saveAsTiff(file.toString());
            inputs.add(file);
        }
        Path out = dir.resolve("out");
        List<BatchPrediction.FileResult> first = run(inputs, out, false);
        assertTrue(first.stream().noneMatch(r -> r.failed() || r.skipped()), first.toString());
        FileTime earlier = FileTime.fromMillis(0);
        Files.setLastModifiedTime(out.resolve("img0_mask.png"), earlier);
        // A task killed in img1's commit: its label map (moved last) is missing.
        Files.delete(out.resolve("img1.tif"));
        List<BatchPrediction.FileResult> again = run(inputs, out, false);
        assertTrue(again.get(0).skipped() && again.get(2).skipped(), again.toString());
        assertFalse(again.get(1).skipped());
        assertTrue(Files.isRegularFile(out.resolve("img1.tif")));
        assertEquals(earlier, Files.getLastModifiedTime(out.resolve("img0_mask.png")), "a skipped image is untouched");
        List<BatchPrediction.FileResult> redo = run(inputs, out, true);
        assertTrue(redo.stream().noneMatch(BatchPrediction.FileResult::skipped));
        assertFalse(earlier.equals(Files.getLastModifiedTime(out.resolve("img0_mask.png"))));
    }

    @Test
    void aFullDiskStopsTheBatchAtTheFirstImageWithOneMessageAndLeavesNothingPartial(@TempDir Path dir)
            throws Exception {
        Path full = dir.resolve("full");
        Files.createDirectories(full);
        // A real full file system: a 256 KiB tmpfs (needs root; skipped elsewhere).
        mountTmpfs(full, "size=256k");
        try {
            SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(400, 400));
            List<Path> inputs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                inputs.add(save(dir.resolve("in/big" + i + ".tif"), generator.generate(i).image().data(), 400));
            }
            List<BatchPrediction.FileResult> results = run(inputs, full, true);
            BatchPrediction.FileResult last = results.get(results.size() - 1);
            assertTrue(results.size() < 4, "the batch stopped: " + results);
            assertTrue(last.failed() && last.detail().contains("no space left"), last.line());
            assertEquals(1, results.stream().filter(BatchPrediction.FileResult::failed).count(), "one message");
            try (var files = Files.list(full)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().noneMatch(n -> n.startsWith(".")), "temporary files left: " + names);
                String stem = last.input().getFileName().toString().replace(".tif", "");
                assertTrue(names.stream().noneMatch(n -> n.startsWith(stem)), "partial outputs of " + stem + ": "
                        + names);
            }
        } finally {
            new ProcessBuilder("umount", full.toString()).start().waitFor();
        }
    }

    @Test
    void aReadOnlyOutputStopsTheBatchAtTheFirstImageWithOneMessage(@TempDir Path dir) throws Exception {
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        // A real read-only file system (root ignores permission bits, not a read-only mount).
        mountTmpfs(locked, "ro,size=256k");
        try {
            SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(64, 64));
            List<Path> inputs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                inputs.add(save(dir.resolve("in/img" + i + ".tif"), generator.generate(i).image().data(), 64));
            }
            List<BatchPrediction.FileResult> results = run(inputs, locked, true);
            assertEquals(1, results.size(), "the batch stopped at the first image: " + results);
            assertTrue(results.get(0).failed() && results.get(0).detail().contains(locked + " cannot be written"),
                    results.get(0).line());
            assertTrue(results.get(0).detail().contains("2 image(s) not tried"), results.get(0).line());
        } finally {
            new ProcessBuilder("umount", locked.toString()).start().waitFor();
        }
    }

    /** Mounts a tmpfs with the options on {@code at}, or skips the test where that cannot be done (not root). */
    private static void mountTmpfs(Path at, String options) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs (" + options
                + ") here (" + said.strip() + "); skipping");
    }

    private static Path save(Path file, float[] data, int side) throws Exception {
        short[] pixels = new short[data.length];
        for (int p = 0; p < data.length; p++) {
            pixels[p] = (short) Math.min(65535, Math.round(data[p]));
        }
        Files.createDirectories(file.getParent());
        new FileSaver(new ImagePlus(file.getFileName().toString(), new ShortProcessor(side, side, pixels, null)))
                .saveAsTiff(file.toString());
        return file;
    }

    private static List<BatchPrediction.FileResult> run(List<Path> inputs, Path out, boolean overwrite)
            throws Exception {
        try (Predictor predictor = new Predictor(TinyModel.get(), SessionSettings.cpu(), TileSettings.DEFAULT)) {
            return BatchPrediction.run(predictor, new BatchPrediction.Request(inputs, out, InputType.FRAME, -1,
                    PostProcessing.DEFAULT, false, ObjectScale.AUTO, overwrite), new NullProgressMonitor(), r -> { });
        }
    }
}
