package fluffy.commands.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;

import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.BatchPrediction;
import fluffy.inference.InputType;
import fluffy.inference.ObjectScale;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.models.ModelTypes;
import fluffy.runtime.session.SessionSettings;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/**
 * A long prediction batch: many small synthetic images, every {@code badEvery}-th a text file named
 * {@code .tif}, predicted with instances by the real batch code; prints the process's resident memory and
 * the live heap as it goes, so a leak (a session, a buffer, a result kept per image) shows as growth, and checks that
 * every bad file was named and every good one predicted.
 */
final class BatchSoak {

    private final int images;
    private final int size;
    private final int badEvery;
    private final SessionSettings session;

    BatchSoak(int images, int size, int badEvery, SessionSettings session) {
        this.images = images;
        this.size = size;
        this.badEvery = badEvery;
        this.session = session;
    }

    /** @return whether every good image was predicted and every bad one named */
    boolean run(Path model, Path dir, PrintStream out) throws Exception {
        Path in = dir.resolve("images");
        Path predictions = dir.resolve("predictions");
        Files.createDirectories(in);
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(size, size));
        List<Path> inputs = new ArrayList<>();
        int bad = 0;
        long began = System.nanoTime();
        for (int i = 0; i < images; i++) {
            Path file = in.resolve(String.format(Locale.ROOT, "img%05d.tif", i));
            if (badEvery > 0 && i % badEvery == badEvery - 1) {
                Files.writeString(file, "not an image");
                bad++;
            } else {
                save(file, generator.generate(i).image().data());
            }
            inputs.add(file);
        }
        out.printf(Locale.ROOT, "wrote %d images of %dx%d (%d unreadable) in %.1f s%n", images, size, size, bad,
                (System.nanoTime() - began) / 1e9);
        PredictionModel read = PredictionModel.read(model, ModelTypes::require);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] rss = {rssKiB(), 0, 0};
        out.printf(Locale.ROOT, "rss_start_mib=%.1f%n", rss[0] / 1024.0);
        long start = System.nanoTime();
        int every = Math.max(1, images / 10);
        try (Predictor predictor = new Predictor(read, session, TileSettings.defaultFor(session.device().device()))) {
            BatchPrediction.run(predictor, new BatchPrediction.Request(inputs, predictions, InputType.FRAME, -1,
                    PostProcessing.DEFAULT, false, ObjectScale.NATIVE, true), new NullProgressMonitor(), r -> {
                        int n = done.incrementAndGet();
                        if (r.failed()) {
                            failed.incrementAndGet();
                        }
                        if (n == every) {
                            rss[1] = rssKiB(); // after the first tenth: sessions and buffers are warm
                        }
                        if (n % every == 0 || n == images) {
                            rss[2] = Math.max(rss[2], rssKiB());
                            out.printf(Locale.ROOT, "images=%d failed=%d rss_mib=%.1f heap_live_mib=%.1f "
                                    + "images_per_s=%.1f%n", n, failed.get(), rssKiB() / 1024.0, liveHeapMiB(),
                                    n / ((System.nanoTime() - start) / 1e9));
                        }
                    });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long end = rssKiB();
        out.printf(Locale.ROOT, "batch images=%d failed=%d expected_failed=%d seconds=%.1f images_per_s=%.1f "
                + "rss_start_mib=%.1f rss_after_first_tenth_mib=%.1f rss_max_mib=%.1f rss_end_mib=%.1f%n", done.get(),
                failed.get(), bad, seconds, done.get() / seconds, rss[0] / 1024.0, rss[1] / 1024.0, rss[2] / 1024.0,
                end / 1024.0);
        return done.get() == images && failed.get() == bad;
    }

    private void save(Path file, float[] data) {
        short[] pixels = new short[data.length];
        for (int p = 0; p < data.length; p++) {
            pixels[p] = (short) Math.min(65535, Math.round(data[p]));
        }
        new FileSaver(new ImagePlus(file.getFileName().toString(), new ShortProcessor(size, size, pixels, null)))
                .saveAsTiff(file.toString());
    }

    /**
     * The Java heap still in use after a full collection: what the batch keeps, unlike the resident set,
     * which also holds heap the collector has not yet given back.
     */
    private static double liveHeapMiB() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024.0 * 1024.0);
    }

    /** The process's resident set (VmRSS in /proc/self/status), in KiB; 0 where there is no /proc. */
    static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return 0;
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
