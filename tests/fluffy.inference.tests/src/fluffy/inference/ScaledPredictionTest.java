package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import fluffy.core.image.Plane;
import fluffy.core.image.Resampling;
import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ObjectSizes;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.runtime.session.SessionSettings;

/**
 * The automatic size estimate: synthetic nuclei rescaled by a known factor are measured by the first pass,
 * predicted again at the model's scale, and come back at the image's size. The test model was trained
 * without zoom, so it only finds these nuclei well near its own scale.
 */
class ScaledPredictionTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.6, 1.7, 2.0})
    void theEstimateRecoversAKnownRescalingWithin15Percent(double zoom) throws Exception {
        FluffyModel model = TinyModel.get();
        double reference = model.description().objectDiameter();
        SyntheticNuclei.Sample sample = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(320, 320)).generate(77);
        int w = Resampling.scaled(320, zoom);
        Plane image = Resampling.plane(sample.image(), w, w);
        LabelMap truth = Resampling.labels(sample.labels(), w, w);
        double trueDiameter = ObjectSizes.medianDiameter(List.of(truth));
        ScaledPrediction.Result native1;
        ScaledPrediction.Result auto;
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.DEFAULT)) {
            native1 = ScaledPrediction.predict(p, PostProcessing.DEFAULT, ObjectScale.NATIVE, image, false,
                    new NullProgressMonitor());
            auto = ScaledPrediction.predict(p, PostProcessing.DEFAULT, ObjectScale.AUTO, image, false,
                    new NullProgressMonitor());
        }
        double f1Native = ObjectMatching.match(truth, native1.labels(), 0.5).f1();
        double f1Auto = ObjectMatching.match(truth, auto.labels(), 0.5).f1();
        // The model's own training images are this generator's at 1x: the ideal rescaling undoes the zoom.
        double estimate = reference / auto.measured();
        System.out.printf(Locale.ROOT, "zoom %.2f: true diameter %.1f px, measured %.1f px (model's %.1f px): "
                + "estimated scale %.2fx (ideal %.2fx), predicted at %.2fx; F1@0.5 as it is %.3f, rescaled %.3f%n",
                zoom, trueDiameter, auto.measured(), reference, estimate, 1 / zoom, auto.factor(), f1Native, f1Auto);
        assertEquals(w, auto.labels().width());
        assertEquals(1, estimate * zoom, 0.15, "the estimated scale");
        assertEquals(1, auto.factor() * zoom, 0.2, "the scale the image was predicted at (its first estimate)");
        assertTrue(f1Auto >= f1Native - 0.02, "rescaling made it worse: " + f1Native + " -> " + f1Auto);
        assertTrue(f1Auto > 0.6, "F1 at the model's scale " + f1Auto);
    }

    @Test
    void aGivenDiameterIsUsedAsItIsAndNoneKeepsTheImageScale() throws Exception {
        FluffyModel model = TinyModel.get();
        double reference = model.description().objectDiameter();
        SyntheticNuclei.Sample sample = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(200, 160)).generate(5);
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.DEFAULT)) {
            ScaledPrediction.Result given = ScaledPrediction.predict(p, PostProcessing.DEFAULT,
                    ObjectScale.diameter(reference * 2), sample.image(), true, new NullProgressMonitor());
            assertEquals(0.5, given.factor(), 0.01);
            assertEquals(200, given.labels().width());
            assertEquals(160, given.maps().height());
            ScaledPrediction.Result none = ScaledPrediction.predict(p, PostProcessing.DEFAULT, ObjectScale.NATIVE,
                    sample.image(), false, new NullProgressMonitor());
            assertEquals(1, none.factor());
            assertTrue(Double.isNaN(none.measured()));
            // The stage times: the network saw the half-size pass and the full-size one, every stage that ran
            // has time, and nothing was read or written here.
            StageTimes times = p.times();
            assertEquals(100L * 80 + 200L * 160, times.networkPixels());
            for (StageTimes.Stage stage : List.of(StageTimes.Stage.RESCALE, StageTimes.Stage.NORMALISE,
                    StageTimes.Stage.TILES, StageTimes.Stage.NETWORK, StageTimes.Stage.INSTANCES)) {
                assertTrue(times.seconds(stage) > 0, stage + " was timed");
            }
            assertEquals(0, times.seconds(StageTimes.Stage.READ));
            String line = times.describe(2L * 200 * 160);
            assertTrue(line.startsWith("read 0.0 s (0%) · rescale "), line);
            assertTrue(line.endsWith("over 0.63x the images' pixels"), line);
        }
    }

    @Test
    void parsesTheOption() {
        assertEquals(ObjectScale.AUTO, ObjectScale.parse("auto"));
        assertEquals(ObjectScale.NATIVE, ObjectScale.parse("none"));
        assertEquals(24, ObjectScale.parse("24").diameter());
        assertThrowsIllegal("-3");
        assertThrowsIllegal("big");
    }

    private static void assertThrowsIllegal(String text) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ObjectScale.parse(text));
    }
}
