package fluffy.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.workspace.Workspace;
import fluffy.io.prepare.FileReport;
import fluffy.io.rois.LabelMapFiles;
import fluffy.io.rois.LabelMapRois;
import fluffy.jobs.WorkspaceJob;
import fluffy.training.EpochResult;
import fluffy.training.records.EpochLog;
import fluffy.ui.widgets.TestWorkspaces;

/**
 * The navigator's steps as Jobs on real nuclei images, and the tree read back after each: raw images are
 * prepared, one is annotated with a RoiSet.zip, label maps are built, a run and predictions appear.
 */
class WorkspaceStepsTest {

    @Test
    void rawImagesToTrainingPairsAndTheTreeFollows(@TempDir Path dir) throws Exception {
        List<String> stems = TestWorkspaces.dsbStems(3);
        assumeTrue(!stems.isEmpty(), "../shared/data/dsb2018-fluo is absent in this checkout; skipped");
        Workspace ws = TestWorkspaces.withRaw(dir.resolve("ws"), stems);
        Files.writeString(ws.raw().resolve("notes.txt"), "not an image");

        WorkspaceJob prepare = WorkspaceJob.prepare(ws, PrepareChoices.defaults().toOptions());
        prepare.schedule();
        prepare.join();
        assertEquals(IStatus.OK, prepare.getResult().getSeverity(), prepare.lines().toString());
        assertEquals("3 prepared, 0 kept (annotated), 1 ignored, 0 failed", prepare.summary());
        assertTrue(prepare.lines().contains("notes.txt: ignored (not an image file by its name)"), prepare.lines().toString());

        String annotated = stems.get(0);
        LabelMap truth = LabelMapFiles.read(TestWorkspaces.dsbMask(annotated));
        int rois = LabelMapRois.write(truth, ws.roiSet(annotated));
        WorkspaceJob labels = WorkspaceJob.buildLabelMaps(ws, false);
        labels.schedule();
        labels.join();
        assertEquals("1 labelled, 0 kept (annotated), 2 ignored, 0 failed", labels.summary(), labels.lines().toString());
        assertEquals(FileReport.Status.DONE, labels.reports().get(0).status());
        assertEquals(truth.objectCount(), LabelMapFiles.read(ws.processedMask(annotated)).objectCount());

        Path run = Files.createDirectories(ws.root().resolve("Runs/first"));
        try (EpochLog log = EpochLog.create(run.resolve("epochs.csv"))) {
            log.append(new EpochResult(1, 0.7, 0.6, 0.5, 0.40, 1e-3, 10, true));
            log.append(new EpochResult(2, 0.5, 0.5, 0.6, 0.55, 1e-3, 9, true));
        }
        Path predictions = Files.createDirectories(ws.root().resolve("Predictions/model-a"));
        LabelMapFiles.writeTiff(truth, predictions.resolve(annotated + ".tif"));

        List<NavigatorNode.Group> groups = WorkspaceContents.read(ws, List.of());
        assertEquals(List.of("Raw images (3)", "Labelling (3)", "Processed pairs (1)", "Training runs (1)",
                "Predictions (1)"), groups.stream().map(NavigatorNode::label).toList());
        assertEquals(rois + " ROIs, label map built", detail(groups.get(1), annotated));
        assertEquals("not annotated", detail(groups.get(1), stems.get(1)));
        assertEquals("prepared", detail(groups.get(0), stems.get(2) + ".tif"));
        assertEquals("2 epochs, best validation F1 0.550 (epoch 2), no model yet", detail(groups.get(3), "first"));
        assertEquals("1 label map", detail(groups.get(4), "model-a"));
        NavigatorNode run1 = groups.get(3).children().get(0);
        assertTrue(NavigatorView.named("first").test(run1));
        assertFalse(NavigatorView.named("Predictions/first").test(run1), "a run is not a predictions folder of its name");
        assertTrue(NavigatorView.named("Predictions/model-a").test(groups.get(4).children().get(0)));
        NavigatorNode item = groups.get(2).children().get(0);
        assertEquals(new fluffy.ui.SelectedItem(ws, ((NavigatorNode.Item) item).item()), item.selection());
    }

    @Test
    void importCopiesImagesIntoRawAndNeverOverwrites(@TempDir Path dir) throws Exception {
        List<String> stems = TestWorkspaces.dsbStems(2);
        assumeTrue(!stems.isEmpty(), "../shared/data/dsb2018-fluo is absent in this checkout; skipped");
        Workspace ws = Workspace.create(dir.resolve("ws"));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not an image");
        Files.writeString(ws.raw().resolve(stems.get(1) + ".tif"), "already there");
        WorkspaceJob job = WorkspaceJob.importImages(ws, List.of(TestWorkspaces.dsbImage(stems.get(0)),
                TestWorkspaces.dsbImage(stems.get(1)), notes));
        job.schedule();
        job.join();
        assertEquals("1 imported, 0 kept (annotated), 2 ignored, 0 failed", job.summary(), job.lines().toString());
        assertEquals(Files.size(TestWorkspaces.dsbImage(stems.get(0))), Files.size(ws.raw().resolve(stems.get(0) + ".tif")));
        assertEquals("already there", Files.readString(ws.raw().resolve(stems.get(1) + ".tif")), "not overwritten");
        assertEquals("Raw images (2)", WorkspaceContents.read(ws, List.of()).get(0).label());
    }

    private static String detail(NavigatorNode.Group group, String label) {
        return group.children().stream().filter(n -> n.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + group)).detail();
    }
}
