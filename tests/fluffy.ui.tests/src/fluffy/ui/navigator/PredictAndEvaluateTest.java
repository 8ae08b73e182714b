package fluffy.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.workspace.Workspace;
import fluffy.io.rois.LabelMapFiles;
import fluffy.jobs.PredictionJob;
import fluffy.ui.WorkbenchPrediction;
import fluffy.ui.widgets.SwtFixture;
import fluffy.ui.widgets.TestWorkspaces;

/**
 * The navigator's Predict and Evaluate on real nuclei images: the dialog offers the run's model and the
 * workspace's images, a real PredictionJob writes the predictions, the tree lists them and the evaluation
 * of fluffy.inference scores them against the label maps and writes its report files.
 */
class PredictAndEvaluateTest {

    @Test
    void theDialogOffersTheRunsModelAndOnlyImagesThatExist(@TempDir Path dir) throws Exception {
        Workspace ws = workspace(dir, 2);
        Path model = TestWorkspaces.untrainedModel(ws.root().resolve("Runs/tiny/model.onnx"));
        List<Path> models = WorkbenchPrediction.models(ws, "");
        assertEquals(model, models.get(0), "the run's model first");
        assertEquals(fluffy.inference.DefaultModel.find().map(List::of).orElse(List.of()),
                models.subList(1, models.size()), "then only the bundled default model, when it is installed");
        PredictPlan plan = new PredictPlan(ws, models.get(0));
        assertEquals("tiny", plan.outputName, "the output folder is named after the run");
        try (SwtFixture swt = new SwtFixture(800, 600)) {
            PredictDialog dialog = new PredictDialog(swt.shell, plan, models);
            dialog.setBlockOnOpen(false);
            dialog.open();
            swt.flush();
            assertEquals(model.toString(), dialog.model.getText());
            assertTrue(dialog.getShell().isVisible());
            assertTrue(plan.problems().isEmpty(), plan.problems().toString());
            click(dialog.images.get(PredictPlan.Images.TRAINING), false);
            click(dialog.images.get(PredictPlan.Images.LABELLING), true);
            assertEquals(PredictPlan.Images.LABELLING, plan.images);
            assertEquals(List.of("There are no labelling images to predict."), plan.problems(), "nothing prepared yet");
            click(dialog.images.get(PredictPlan.Images.LABELLING), false);
            click(dialog.images.get(PredictPlan.Images.TRAINING), true);
            dialog.output.setText("bad name/");
            assertFalse(plan.problems().isEmpty());
            dialog.output.setText("tiny-again");
            assertEquals(ws.root().resolve("Predictions/tiny-again"), plan.outputFolder());
            assertEquals(2, plan.inputs().size());
            dialog.close();
        }
    }

    @Test
    void predictsTheTrainingImagesAndEvaluatesThem(@TempDir Path dir) throws Exception {
        Workspace ws = workspace(dir, 2);
        List<String> stems = TestWorkspaces.dsbStems(2);
        PredictPlan plan = new PredictPlan(ws, TestWorkspaces.untrainedModel(ws.root().resolve("Runs/tiny/model.onnx")));
        PredictionJob job = WorkbenchPrediction.job(plan.model, plan.inputs(), plan.outputFolder(), "cpu", 1);
        job.schedule();
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        Path out = ws.root().resolve("Predictions/tiny");
        for (String s : stems) {
            for (String file : List.of(s + ".tif", s + "_RoiSet.zip", s + "_overlay.png", s + "_mask.png")) {
                assertTrue(Files.isRegularFile(out.resolve(file)), file);
            }
        }
        List<NavigatorNode.Group> groups = WorkspaceContents.read(ws, List.of());
        assertEquals("Predictions (1)", groups.get(4).label());
        assertEquals("tiny", groups.get(4).children().get(0).label());
        assertEquals("2 label maps", groups.get(4).children().get(0).detail());

        WorkbenchActions.Report report = WorkbenchActions.evaluation(ws, out, new NullProgressMonitor());
        assertFalse(report.error(), report.summary());
        assertTrue(report.summary().startsWith("Evaluated 2 image(s): ALL: F1@0.5 "), report.summary());
        assertEquals(2, report.lines().size());
        int trueObjects = LabelMapFiles.read(TestWorkspaces.dsbMask(stems.get(0))).objectCount();
        assertTrue(report.lines().get(0).endsWith("(" + trueObjects + " true, " + LabelMapFiles.read(out.resolve(
                stems.get(0) + ".tif")).objectCount() + " predicted)"), report.lines().get(0));
        String csv = Files.readString(out.resolve("evaluation.csv"));
        assertTrue(csv.contains("\n" + stems.get(0) + "," + trueObjects + ","), csv);
        assertTrue(Files.isRegularFile(out.resolve("evaluation.json")));

        WorkbenchActions.Report none = WorkbenchActions.evaluation(ws, Files.createDirectories(dir.resolve("empty")),
                new NullProgressMonitor());
        assertTrue(none.error());

        // Label maps written straight into Predictions/ (as fluffy demo writes them) are listed as well.
        for (String file : List.of(".tif", "_RoiSet.zip", "_overlay.png", "_mask.png")) {
            Files.copy(out.resolve(stems.get(0) + file), ws.predictions().resolve(stems.get(0) + file));
        }
        List<NavigatorNode.Group> flat = WorkspaceContents.read(ws, List.of());
        assertEquals("Predictions (2)", flat.get(4).label());
        assertEquals(List.of("Predictions", "tiny"), flat.get(4).children().stream().map(NavigatorNode::label).toList());
        assertEquals("1 label map", flat.get(4).children().get(0).detail());
    }

    /** A workspace whose Processed/ holds the first {@code n} dsb pairs. */
    private static Workspace workspace(Path dir, int n) throws Exception {
        List<String> stems = TestWorkspaces.dsbStems(n);
        assumeTrue(stems.size() == n, "../shared/data/dsb2018-fluo is absent in this checkout; skipped");
        Workspace ws = Workspace.create(dir.resolve("ws"));
        for (String s : stems) {
            Files.copy(TestWorkspaces.dsbImage(s), ws.processedImage(s));
            Files.copy(TestWorkspaces.dsbMask(s), ws.processedMask(s));
        }
        return ws;
    }

    private static void click(org.eclipse.swt.widgets.Button radio, boolean selected) {
        radio.setSelection(selected);
        radio.notifyListeners(SWT.Selection, new Event());
    }
}
