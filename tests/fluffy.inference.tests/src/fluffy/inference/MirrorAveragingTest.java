package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import fluffy.core.image.Plane;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.runtime.session.SessionSettings;

/**
 * Averaging over the four mirror images makes the prediction commute with mirroring: predicting the
 * mirrored image gives the mirrored prediction (a plain network only approximately does). A mistake in
 * mirroring back, e.g. the wrong axis, breaks that.
 */
class MirrorAveragingTest {

    /** 16-bit class maps: two quantisation steps. */
    private static final double TOLERANCE = 2 / 65535.0;

    @Test
    void theAveragedPredictionOfAMirroredImageIsTheMirroredPrediction() throws Exception {
        FluffyModel model = TinyModel.get();
        int w = 160;
        int h = 96;
        Plane image = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(w, h)).generate(9).image();
        Plane mirrored = Plane.zeros(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mirrored.set(x, y, image.get(w - 1 - x, h - 1 - y));
            }
        }
        ClassMaps plain;
        ClassMaps averaged;
        ClassMaps averagedOfMirrored;
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
            plain = p.predict(image, new NullProgressMonitor());
        }
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage(), true)) {
            averaged = p.predict(image, new NullProgressMonitor());
            averagedOfMirrored = p.predict(mirrored, new NullProgressMonitor());
        }
        double asymmetry = 0;
        double change = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    int m = (h - 1 - y) * w + (w - 1 - x);
                    asymmetry = Math.max(asymmetry, Math.abs(averaged.get(c, i) - averagedOfMirrored.get(c, m)));
                    change = Math.max(change, Math.abs(averaged.get(c, i) - plain.get(c, i)));
                }
            }
        }
        assertTrue(asymmetry <= TOLERANCE, "mirrored prediction differs by " + asymmetry);
        assertTrue(change > 1e-3, "averaging changed nothing (" + change + "): were the mirror images predicted?");
    }
}
