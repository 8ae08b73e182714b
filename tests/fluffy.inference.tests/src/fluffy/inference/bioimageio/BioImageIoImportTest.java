package fluffy.inference.bioimageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;

/**
 * bioimage.io packages made by another tool run: a 0.4 package with channels last, per-sample standardisation,
 * a halo and a sigmoid output, tiled and batched; a 0.5 package without a batch axis whose output is a label
 * image; and packages that cannot be run are refused with the reason.
 */
class BioImageIoImportTest {

    @TempDir
    Path dir;

    /** A non-square image whose sides are no multiple of the package's step, so padding and tiles are exercised. */
    private static SyntheticNuclei.Sample sample() {
        return new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(200, 152)).generate(11);
    }

    @Test
    void aChannelsLastPackageWithStandardisationAndASigmoidFindsTheNucleiTiledAsWhole() throws Exception {
        byte[] onnx = ThirdPartyPackages.smoothingNetworkChannelsLast();
        Path rdf = ThirdPartyPackages.folder(dir.resolve("box"),
                ThirdPartyPackages.smoothingRdf04(ThirdPartyPackages.sha256(onnx)), Map.of("weights.onnx", onnx));
        PredictionModel model = PredictionModel.read(rdf, id -> new CategoricalUNet());
        assertInstanceOf(BioImageIoModel.class, model);
        assertEquals("byxc", model.inputLayout().axes());
        assertEquals(8, model.tiles().halo());
        SyntheticNuclei.Sample s = sample();
        Plane image = s.image();
        boolean[] expected = expectedForeground(image);
        PostProcessing keepAll = new PostProcessing(true, 0, false);
        LabelMap whole;
        LabelMap tiled;
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
            whole = p.segment(image, keepAll, true, new NullProgressMonitor()).labels();
        }
        // Tiles of 64 with batches of 3: several runs of several tiles through the channels-last layout.
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), new TileSettings(64, 8, 3))) {
            tiled = p.segment(image, keepAll, false, new NullProgressMonitor()).labels();
        }
        int n = image.width() * image.height();
        int wrong = 0;
        int missed = 0;
        int foreground = 0;
        for (int i = 0; i < n; i++) {
            foreground += expected[i] ? 1 : 0;
            wrong += whole.labels()[i] != 0 && !expected[i] ? 1 : 0;
            missed += whole.labels()[i] == 0 && expected[i] ? 1 : 0;
        }
        ObjectMatching.Result truth = ObjectMatching.match(s.labels(), whole, 0.5);
        System.out.printf(Locale.ROOT, "channels-last package: %d objects, %d labelled pixels outside the expected "
                + "foreground, %d of %d foreground pixels unlabelled (seeds under 8 px); F1@0.5 vs truth %.3f%n",
                whole.objectCount(), wrong, missed, foreground, truth.f1());
        // Labelled pixels are exactly the network's foreground (one pixel in 10,000 may sit on the 0.5 rounding).
        assertTrue(wrong <= n / 10_000, wrong + " labelled pixels are not foreground");
        assertTrue(missed < foreground / 50, missed + " foreground pixels have no object");
        assertEquals(whole, tiled, "tiles overlapping by the halo must give the whole-image objects");
        // The F1 printed is the crude network's (a threshold at the mean merges neighbours), not the import's.
        assertTrue(whole.objectCount() >= 5, "the bright nuclei are objects: " + whole.objectCount());
    }

    /** What the network computes, by hand: standardise, 3x3 sum with zero padding, positive. */
    private static boolean[] expectedForeground(Plane image) {
        float[] v = image.data();
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(var / v.length);
        int w = image.width();
        int h = image.height();
        boolean[] fg = new boolean[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            sum += (v[yy * w + xx] - mean) / (std + 1e-6);
                        }
                    }
                }
                fg[y * w + x] = sum > 0;
            }
        }
        return fg;
    }

    @Test
    void aLabelImageOutputIsTakenAsItIsAndPredictedInOnePass() throws Exception {
        byte[] onnx = ThirdPartyPackages.thresholdNetworkWithoutBatch();
        Path zip = ThirdPartyPackages.zip(dir.resolve("threshold.zip"),
                ThirdPartyPackages.thresholdRdf05(ThirdPartyPackages.sha256(onnx)), Map.of("net.onnx", onnx));
        PredictionModel model = PredictionModel.read(zip, id -> new CategoricalUNet());
        assertTrue(model.tiles().wholeImage());
        assertTrue(model.classes().isEmpty(), "a label image has no class maps");
        Plane image = sample().image();
        PredictionModel.Segmented result;
        // Asked for tiles of 32, it still predicts the image in one pass: tiles would number labels apart.
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), new TileSettings(32, 8, 2))) {
            result = p.segment(image, new PostProcessing(false, 0, false), true, new NullProgressMonitor());
        }
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float x : image.data()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        int[] labels = result.labels().labels();
        for (int i = 0; i < labels.length; i++) {
            float scaled = (float) ((image.data()[i] - (double) lo) * (1 / (hi - (double) lo + 1e-6)));
            assertEquals(scaled > 0.5f ? 1 : 0, labels[i], "pixel " + i);
        }
        assertEquals(null, result.maps());
    }

    @Test
    void packagesThatCannotRunAreRefusedWithTheReason() throws Exception {
        byte[] onnx = ThirdPartyPackages.smoothingNetworkChannelsLast();
        String sha = ThirdPartyPackages.sha256(onnx);
        String good = ThirdPartyPackages.smoothingRdf04(sha);
        refused(good.replace("  onnx:", "  pytorch_state_dict:"), onnx, "none in ONNX");
        refused(good.replace(sha, "0".repeat(64)), onnx, "sha256");
        refused(good.replace("name: zero_mean_unit_variance", "name: stardist_normalize"), onnx,
                "pre-processing 'stardist_normalize' is not supported");
        refused(good.replace("mode: per_sample", "mode: per_dataset"), onnx, "per_dataset");
        refused(good.replace("source: weights.onnx", "source: https://zenodo.org/weights.onnx"), onnx, "URL");
        refused(good.replace("min: [1, 32, 32, 1]", "min: [1, 32, 32, 2]"), onnx, "2 channels");
        refused(good.replace("offset: [0, 0, 0, 0]", "offset: [0, 0, 0, 1.5]"), onnx, "Fluffy makes objects from");
        refused(good.replace("format_version: 0.4.10", "format_version: 0.3.2"), onnx, "formats 0.4 and 0.5");
        refused(good.replace("scale: [1, 1, 1, 1]", "scale: [1, 2, 2, 1]"), onnx, "only same-size outputs");
        refused("inputs: [unclosed", onnx, "not valid YAML");
    }

    private void refused(String rdf, byte[] onnx, String reason) throws IOException {
        Path folder = Files.createTempDirectory(dir, "refused");
        Path file = ThirdPartyPackages.folder(folder, rdf, Map.of("weights.onnx", onnx));
        IOException e = assertThrows(IOException.class, () -> PredictionModel.read(file, id -> new CategoricalUNet()));
        assertTrue(e.getMessage().contains(reason) && e.getMessage().contains(file.toString()),
                "expected '" + reason + "' and the file in: " + e.getMessage());
    }
}
