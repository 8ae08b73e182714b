package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.runtime.session.SessionSettings;

/**
 * Tiles stitch without seams: with an overlap covering the receptive field (about 28 px for this 3-level
 * net) they give what one whole-image pass gives, up to the image edge, since edge tiles are shifted inwards
 * instead of padded.
 */
class TiledPredictionTest {

    @Test
    void tiledAndWholeImagePredictionAgreeOnA2048Image() throws Exception {
        FluffyModel model = TinyModel.get();
        SyntheticNuclei.Sample sample = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(2048, 2048)).generate(42);
        ClassMaps whole;
        ClassMaps tiled;
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
            whole = p.predict(sample.image(), new NullProgressMonitor());
        }
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), new TileSettings(256, 32, 4))) {
            tiled = p.predict(sample.image(), new NullProgressMonitor());
        }
        int margin = 0;
        double maxDiff = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = margin; y < 2048 - margin; y++) {
                for (int x = margin; x < 2048 - margin; x++) {
                    int i = y * 2048 + x;
                    maxDiff = Math.max(maxDiff, Math.abs(whole.get(c, i) - tiled.get(c, i)));
                }
            }
        }
        LabelMap a = PostProcessing.DEFAULT.labels(whole, model);
        LabelMap b = PostProcessing.DEFAULT.labels(tiled, model);
        ObjectMatching.Result same = ObjectMatching.match(a, b, 0.5);
        ObjectMatching.Result truth = ObjectMatching.match(sample.labels(), b, 0.5);
        System.out.printf(Locale.ROOT, "2048x2048, tiles 256 overlap 32: max |p_tiled - p_whole| = %.2e inside a %d px"
                + " margin; tiled vs whole objects F1@0.5 = %.4f (%d objects); tiled vs truth F1@0.5 = %.3f%n",
                maxDiff, margin, same.f1(), a.maxLabel(), truth.f1());
        assertTrue(maxDiff < 1e-3, "probabilities differ by " + maxDiff);
        assertEquals(1.0, same.f1(), "objects differ");
        assertEquals(a, b);
        assertTrue(truth.f1() > 0.6, "the test model should find the nuclei: F1 " + truth.f1());
        assertEquals(2048, b.width());
    }
}
