package fluffy.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.core.workspace.Workspace;
import fluffy.inference.FluffyModel;
import fluffy.inference.PostProcessing;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.io.ImageFormats;
import fluffy.io.SyntheticPairs;
import fluffy.io.prepare.FileReport;
import fluffy.io.prepare.Labelling;
import fluffy.io.rois.LabelMapFiles;
import fluffy.jobs.PredictionJob;
import fluffy.models.HyperparameterValues;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.Retraining;
import fluffy.training.RunFolder;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Split;

/**
 * The whole correction loop, with the workbench's own pieces: a weak model's objects come into the editor
 * (Predict ROIs, a real PredictionJob), three of them are corrected (the wrong ones deleted, the true
 * objects drawn in their place), saved and built into a training pair, the model is retrained from itself
 * on the workspace (one click's Retraining), and the corrected image scores better with the new model.
 */
class CorrectionLoopTest {

    @Test
    void predictCorrectThreeRetrainAndTheCorrectedImageScoresBetter(@TempDir Path dir) throws Exception {
        Workspace ws = Workspace.create(dir.resolve("ws"));
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(128, 128));
        for (int i = 0; i < 8; i++) {
            SyntheticPairs.write(generator.generate(600 + i), ws.processedImage("pair_" + i),
                    ws.processedMask("pair_" + i));
        }
        String name = "corrected";
        SyntheticNuclei.Sample target = generator.generate(700);
        Files.createDirectories(ws.labelingImage(name).getParent());
        SyntheticPairs.write(target, ws.labelingImage(name), dir.resolve("truth.tif"));
        LabelMap truth = target.labels();

        // A weak model: a few steps of a small network.
        CategoricalUNet type = new CategoricalUNet();
        HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
                Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0));
        TrainingSettings brief = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(4).withCrop(64)
                .withEpochs(1).withStepsPerEpoch(12).withSeed(2);
        new TrainingRun().run(new TrainingRun.Request(ws.root(), ws.runs().resolve("first"), type, values, brief,
                Split.Fractions.DEFAULT, false, null), new NullProgressMonitor(), e -> { }, line -> { });
        Path first = RunFolder.at(ws.runs().resolve("first")).model();

        // Predict ROIs, as the editor's button does.
        PredictionJob job = PredictedRois.job(ws, ws.labelingImage(name), null, "cpu", 2);
        job.schedule();
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        RoiDocument doc = PredictedRois.read(job);

        // Correct three objects: each a true nucleus the model missed or got wrong, drawn in place of what
        // it predicted there.
        RoiEdits edits = new RoiEdits(truth.width(), truth.height());
        LabelMap predicted = LabelMapFiles.read(ws.predictions("first").resolve(name + ".tif"));
        int corrected = 0;
        for (int label = 1; label <= truth.maxLabel() && corrected < 3; label++) {
            boolean[] object = mask(truth, label);
            if (bestIoU(object, predicted) >= 0.5) {
                continue;
            }
            List<Integer> overlapping = new ArrayList<>();
            for (int r = 0; r < doc.rois().size(); r++) {
                boolean[] roi = edits.mask(doc.rois().get(r));
                for (int i = 0; i < roi.length; i++) {
                    if (roi[i] && object[i]) {
                        overlapping.add(r);
                        break;
                    }
                }
            }
            for (int k = overlapping.size() - 1; k >= 0; k--) {
                doc.select(overlapping.get(k));
                doc.deleteSelected();
            }
            doc.add(edits.whole(object));
            corrected++;
        }
        assertEquals(3, corrected, "the weak model gets at least three nuclei wrong");
        doc.save(ws.roiSet(name));
        FileReport report = new Labelling(ws, false, ImageFormats.platform()).label(name);
        assertEquals(FileReport.Status.DONE, report.status(), report.line("labelled"));
        LabelMap correctedMap = LabelMapFiles.read(ws.processedMask(name));

        // Retrain from the model, on the workspace with the corrected pair.
        Path runDir = Retraining.runFolder(first, ws.runs());
        TrainingRun.Request request = Retraining.request(ws.root(), first, runDir, SessionSettings.cpu(), id -> type);
        long start = System.nanoTime();
        new TrainingRun().run(request, new NullProgressMonitor(), e -> { }, line -> { });
        double seconds = (System.nanoTime() - start) / 1e9;

        double before = f1(first, type, target, correctedMap);
        double after = f1(RunFolder.at(runDir).model(), type, target, correctedMap);
        System.out.printf(java.util.Locale.ROOT, "correction loop: the corrected image's F1@0.5 against its saved "
                + "label map %.3f before, %.3f after retraining (%.0f s)%n", before, after, seconds);
        assertTrue(after > before, before + " -> " + after);
    }

    private static double f1(Path model, CategoricalUNet type, SyntheticNuclei.Sample s, LabelMap truth)
            throws Exception {
        try (Predictor p = new Predictor(FluffyModel.read(model, id -> type), SessionSettings.cpu(),
                TileSettings.DEFAULT)) {
            LabelMap found = p.segment(s.image(), PostProcessing.DEFAULT, false, new NullProgressMonitor()).labels();
            return ObjectMatching.match(truth, found, 0.5).f1();
        }
    }

    private static boolean[] mask(LabelMap map, int label) {
        boolean[] m = new boolean[map.labels().length];
        for (int i = 0; i < m.length; i++) {
            m[i] = map.labels()[i] == label;
        }
        return m;
    }

    private static double bestIoU(boolean[] object, LabelMap predicted) {
        int n = predicted.maxLabel() + 1;
        int[] both = new int[n];
        int[] area = new int[n];
        int size = 0;
        for (int i = 0; i < object.length; i++) {
            int l = predicted.labels()[i];
            area[l]++;
            if (object[i]) {
                size++;
                both[l]++;
            }
        }
        double best = 0;
        for (int l = 1; l < n; l++) {
            if (both[l] > 0) {
                best = Math.max(best, both[l] / (double) (size + area[l] - both[l]));
            }
        }
        return best;
    }
}
