package fluffy.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;
import fluffy.io.prepare.FileReport;
import fluffy.io.prepare.Labelling;
import fluffy.io.rois.LabelMapFiles;
import fluffy.jobs.PredictionJob;
import fluffy.ui.widgets.SwtFixture;
import fluffy.ui.widgets.TestWorkspaces;

/**
 * Correct instead of draw, on a real nuclei image: a model (an untrained one: this is about the plumbing)
 * predicts the image being annotated through a real PredictionJob, its objects come into the editor as
 * ROIs, one is deleted through the editor's buttons, and the saved set becomes the item's label map with
 * the predicted geometry.
 */
class PredictedRoisTest {

    @Test
    void aModelsObjectsBecomeRoisThatSaveAsTheItemsAnnotation(@TempDir Path dir) throws Exception {
        List<String> stems = TestWorkspaces.dsbStems(1);
        assumeTrue(!stems.isEmpty(), "../shared/data/dsb2018-fluo is absent in this checkout; skipped");
        String name = stems.get(0);
        Workspace ws = Workspace.create(dir.resolve("ws"));
        Files.createDirectories(ws.labelingImage(name).getParent());
        Files.copy(TestWorkspaces.dsbImage(name), ws.labelingImage(name));
        // The bundled default model: a real image needs a trained model to give several objects.
        Path model = ws.root().resolve("Runs/tiny/model.onnx");
        Files.createDirectories(model.getParent());
        Files.copy(fluffy.inference.DefaultModel.orDefault(null), model);

        PredictionJob job = PredictedRois.job(ws, ws.labelingImage(name), null, "cpu", 1);
        job.schedule();
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        assertEquals(model, job.plan().model().file(), "the workspace's newest run's model, chosen inside the job");
        RoiDocument doc = PredictedRois.read(job);
        LabelMap predicted = LabelMapFiles.read(ws.root().resolve("Predictions/tiny/" + name + ".tif"));
        assertTrue(predicted.objectCount() > 1, "the model finds objects: " + predicted.objectCount());
        assertEquals(predicted.objectCount(), doc.rois().size(), "one ROI per predicted object");
        assertTrue(doc.dirty(), "not this image's annotation until saved");

        // Saved as they are, the ROIs give back the predicted objects pixel for pixel.
        doc.save(ws.roiSet(name));
        assertEquals(FileReport.Status.DONE, new Labelling(ws, false, ImageFormats.platform()).label(name).status());
        LabelMap labelled = LabelMapFiles.read(ws.processedMask(name));
        assertEquals(predicted.objectCount(), labelled.objectCount());
        assertEquals(foreground(predicted), foreground(labelled));

        try (SwtFixture swt = new SwtFixture(900, 600)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            RoiDocument corrected = PredictedRois.read(job);
            view.show(EditorImage.read(ws.labelingImage(name)), corrected, "predicted by tiny");
            swt.flush();
            assertTrue(view.predict.isEnabled());
            assertEquals(predicted.objectCount(), view.list().rowCount());

            // The review queue: every predicted object has the model's doubt; Next doubtful walks them in order.
            assertTrue(corrected.rois().stream().allMatch(r -> r.getProperty(PredictedRois.DOUBT) != null),
                    "each predicted object has a doubt");
            assertTrue(view.review.isEnabled());
            java.util.List<Double> seen = new java.util.ArrayList<>();
            for (int k = 0; k < 3; k++) {
                view.review.notifyListeners(SWT.Selection, new Event());
                seen.add(Double.parseDouble(corrected.rois().get(corrected.selected()).getProperty(PredictedRois.DOUBT)));
            }
            double most = corrected.rois().stream().mapToDouble(r -> Double.parseDouble(r.getProperty(
                    PredictedRois.DOUBT))).max().orElseThrow();
            assertEquals(most, seen.get(0), "the most doubtful object first");
            assertTrue(seen.get(0) >= seen.get(1) && seen.get(1) >= seen.get(2), "then less doubtful ones: " + seen);
            assertTrue(view.status().getText().contains("Review 3 of "), view.status().getText());
            corrected.select(0);
            view.delete.notifyListeners(SWT.Selection, new Event());
            assertEquals(predicted.objectCount() - 1, view.list().rowCount());
            assertTrue(view.save.isEnabled());
            corrected.save(ws.roiSet(name));
        }
        new Labelling(ws, false, ImageFormats.platform()).label(name);
        assertEquals(predicted.objectCount() - 1, LabelMapFiles.read(ws.processedMask(name)).objectCount(),
                "the deleted object is gone from the training pair");
    }

    private static long foreground(LabelMap map) {
        return java.util.Arrays.stream(map.labels()).filter(l -> l != 0).count();
    }
}
