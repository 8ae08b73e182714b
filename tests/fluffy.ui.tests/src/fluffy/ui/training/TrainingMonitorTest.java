package fluffy.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.jobs.TrainingJob;
import fluffy.models.HyperparameterValues;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.RunFolder;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Split;
import fluffy.ui.widgets.SwtFixture;
import fluffy.ui.widgets.TestWorkspaces;

/**
 * A real (tiny) training followed by the monitor on a real display: the curves grow live, Cancel stops it
 * with a checkpoint, Resume continues to the planned epochs, and the run reads back from its folder.
 */
class TrainingMonitorTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.0));

    @Test
    void liveCurvesCancelResumeAndThePastRun(@TempDir Path dir) throws Exception {
        Path data = TestWorkspaces.syntheticProcessed(dir.resolve("Processed"), 6);
        Path runDir = dir.resolve("Runs/tiny");
        TrainingSettings settings = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(2).withCrop(32)
                .withEpochs(3).withStepsPerEpoch(4).withSeed(5);
        TrainingJob job = new TrainingJob(new TrainingRun.Request(data, runDir, type, values, settings, Split.Fractions.DEFAULT, false,
                null), m -> { });
        job.addListener(epoch -> job.cancel());
        List<Path> ended = new CopyOnWriteArrayList<>();
        try (SwtFixture swt = new SwtFixture(900, 500)) {
            swt.shell.setLayout(new FillLayout());
            TrainingMonitor[] monitors = new TrainingMonitor[1];
            TrainingJob[] retraining = new TrainingJob[1];
            TrainingMonitorView view = new TrainingMonitorView(swt.shell, r -> { }, r -> { },
                    r -> retraining[0] = monitors[0].retrain(r, SessionSettings::cpu));
            TrainingMonitor monitor = new TrainingMonitor(view, swt.display::asyncExec, ended::add);
            monitors[0] = monitor;
            swt.open();

            monitor.start(job);
            MonitoredRun first = view.run();
            assertTrue(view.cancelButton().isEnabled(), "a scheduled run can be cancelled");
            assertTrue(swt.waitUntil(() -> first.state() == MonitoredRun.State.CANCELLED, 180_000), first.headline());
            assertEquals(1, first.curves().size());
            assertFalse(view.trialsPanel().control().getVisible(), "a run without a search has no trials panel");
            assertTrue(first.canResume());
            assertFalse(view.cancelButton().isEnabled());
            assertTrue(view.resumeButton().isEnabled());
            assertTrue(view.headlineLabel().getText().startsWith("tiny · cancelled · epoch 1 of 3"),
                    view.headlineLabel().getText());
            assertTrue(swt.waitUntil(() -> view.lossChart().curve(TrainingMonitorView.TRAIN_LOSS).length == 1, 2000));

            TrainingJob resumed = monitor.resume(first);
            assertNotNull(resumed);
            assertTrue(resumed.request().resume());
            MonitoredRun second = view.run();
            assertEquals(1, second.curves().size(), "the logged epoch is shown before the resumed ones arrive");
            assertTrue(swt.waitUntil(() -> second.state() == MonitoredRun.State.FINISHED, 180_000), second.headline());
            assertEquals(3, second.curves().lastEpoch());
            assertTrue(swt.waitUntil(() -> view.f1Chart().curve(TrainingMonitorView.VAL_F1).length == 3, 2000),
                    "the charts catch up within the throttle period");
            assertTrue(view.headlineLabel().getText().startsWith("tiny · finished · 3 epochs"),
                    view.headlineLabel().getText());
            assertFalse(view.resumeButton().isEnabled(), "a finished run has nothing to resume");
            assertEquals(List.of(runDir, runDir), ended);

            monitor.showFolder(runDir);
            MonitoredRun past = view.run();
            assertEquals(MonitoredRun.State.PAST, past.state());
            assertEquals(3, past.curves().size());
            assertTrue(past.canResume(), "a run on disk with a checkpoint can be resumed");
            // Read from disk, the run says what its record says, not "not running", and its bar is full.
            assertTrue(past.headline().startsWith("tiny · completed · 3 epochs · best validation F1"), past.headline());
            assertEquals(1, past.progress(), 1e-9);
            view.cancelButton().notifyListeners(SWT.Selection, new Event());

            // One-click retraining: a new run beside it, then the scores before and after in its details.
            assertTrue(view.retrainButton().isEnabled(), "a run with a model can be retrained");
            view.retrainButton().notifyListeners(SWT.Selection, new Event());
            assertNotNull(retraining[0]);
            Path retrained = dir.resolve("Runs/tiny-retrain");
            assertEquals(retrained, retraining[0].runDir());
            assertTrue(swt.waitUntil(() -> view.run() != null && view.run().state() == MonitoredRun.State.PAST
                    && view.run().folder().equals(retrained), 300_000), "the retrained run is shown when scored");
            assertTrue(java.nio.file.Files.isRegularFile(RunFolder.at(retrained).retrainingFile()));
            assertTrue(view.run().details().contains("retrained: validation object F1@0.5 on "), view.run().details());
        }
        TrainingRun.Request again = RunFolder.at(runDir).resumeRequest(SessionSettings.cpu(), 5);
        assertTrue(again.resume());
        assertEquals(5, again.settings().epochs());
        assertEquals(values, again.hyperparameters());
        assertEquals(data.toAbsolutePath(), again.data());
        assertEquals(2, again.settings().batchSize(), "batch comes from the checkpoint");
    }
}
