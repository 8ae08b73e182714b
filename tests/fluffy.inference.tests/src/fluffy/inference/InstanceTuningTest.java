package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.morphology.BorderInstances.Settings;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.io.SyntheticPairs;
import fluffy.runtime.session.SessionSettings;

class InstanceTuningTest {

    @TempDir
    Path dir;

    @Test
    void ranksEveryCandidateOnAllImagesAndWritesTheBestIntoANewModel() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(128, 128));
        int trueObjects = 0;
        for (int i = 0; i < 3; i++) {
            SyntheticNuclei.Sample s = generator.generate(500 + i);
            trueObjects += s.labels().objectCount();
            SyntheticPairs.write(s, images.resolve("n" + i + ".tif"), masks.resolve("n" + i + ".tif"));
        }
        // An image without a label map is named and left out; the others are still scored.
        Files.copy(images.resolve("n0.tif"), images.resolve("orphan.tif"));
        FluffyModel model = TinyModel.get();
        Settings own = PostProcessing.instanceSettings(model);
        Settings hopeless = new Settings(0.95, 0.3, 0.4, 1000); // seeds need certainty and 1000 pixels: none
        List<Settings> grid = List.of(hopeless, own, new Settings(0.6, 0.5, 0, 4));
        List<String> problems = new ArrayList<>();
        List<InstanceTuning.Trial> trials;
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
            List<Path> files = List.of(images.resolve("n0.tif"), images.resolve("n1.tif"), images.resolve("n2.tif"),
                    images.resolve("orphan.tif"));
            trials = InstanceTuning.run(p, files, masks, grid, PostProcessing.DEFAULT, new NullProgressMonitor(),
                    problems::add);
        }
        assertEquals(1, problems.size(), problems.toString());
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
            IllegalArgumentException outside = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> InstanceTuning.run(p, List.of(images.resolve("n0.tif")), masks,
                            List.of(own, new Settings(0.99, 0.3, 0.4, 8)), PostProcessing.DEFAULT,
                            new NullProgressMonitor(), problems::add));
            assertTrue(outside.getMessage().startsWith("seed_threshold: 0.99 is not allowed"), outside.getMessage());
        }
        assertEquals(1, problems.size(), "refused before any image was read: " + problems);
        assertTrue(problems.get(0).startsWith("orphan.tif: no label map"), problems.get(0));
        assertEquals(3, trials.size());
        for (InstanceTuning.Trial t : trials) {
            assertEquals(trueObjects, t.truePositives() + t.falseNegatives(), "every true object is counted once");
        }
        for (int k = 1; k < trials.size(); k++) {
            assertTrue(trials.get(k - 1).f1() >= trials.get(k).f1(), "best first");
        }
        InstanceTuning.Trial last = trials.get(2);
        assertEquals(hopeless, last.settings());
        assertEquals(0, last.truePositives());
        assertTrue(trials.get(0).f1() > 0.5, "the trained model finds the nuclei: " + trials.get(0));

        Path tuned = dir.resolve("tuned.onnx");
        InstanceTuning.withSettings(model, trials.get(0).settings()).write(tuned);
        FluffyModel reread = FluffyModel.read(tuned, id -> TinyModel.TYPE);
        assertEquals(trials.get(0).settings(), PostProcessing.instanceSettings(reread));
        assertEquals(model.description().weights().names(), reread.description().weights().names());
        for (String name : model.description().weights().names()) {
            assertTrue(java.util.Arrays.equals(model.description().weights().get(name),
                    reread.description().weights().get(name)), name + " unchanged");
        }
    }
}
