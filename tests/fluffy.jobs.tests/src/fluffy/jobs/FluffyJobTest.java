package fluffy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.inference.BatchPrediction;
import fluffy.inference.InputType;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.TileSettings;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;

/** The job contract: one mapping of outcomes to statuses, preparation inside the job, rules that serialise. */
class FluffyJobTest {

    @Test
    void anExceptionIsAnErrorWithItsCauseAndACancellationIsACancel() throws Exception {
        IOException cause = new IOException("bad.onnx: not an ONNX model");
        FluffyJob failing = FluffyJob.of("Reading bad.onnx", FluffyJobs.READING, null, m -> {
            throw cause;
        });
        FluffyJob cancelled = FluffyJob.of("Stopping", FluffyJobs.READING, null, m -> {
            throw new OperationCanceledException();
        });
        failing.schedule();
        cancelled.schedule();
        failing.join();
        cancelled.join();
        assertEquals(IStatus.ERROR, failing.getResult().getSeverity());
        assertEquals("Reading bad.onnx failed: bad.onnx: not an ONNX model", failing.getResult().getMessage());
        assertEquals(cause, failing.getResult().getException());
        assertEquals(IStatus.CANCEL, cancelled.getResult().getSeverity());
        assertTrue(failing.belongsTo(FluffyJobs.READING) && failing.belongsTo(FluffyJobs.ALL));
    }

    /** Two steps on one workspace run in turn, whatever order the job manager starts them in. */
    @Test
    void jobsOnTheSameWorkspaceNeverOverlapAndOnOthersDo(@TempDir Path dir) throws Exception {
        List<String> same = together(dir.resolve("ws"), dir.resolve("ws/../ws"));
        assertEquals(4, same.size());
        assertEquals(same.get(0).substring(1), same.get(1).substring(1), "one ends before the other starts: " + same);
        List<String> apart = together(dir.resolve("one"), dir.resolve("other"));
        assertTrue(apart.get(0).startsWith("+") && apart.get(1).startsWith("+"), "both ran at once: " + apart);
    }

    /** Two 300 ms steps on the given workspaces, scheduled together: their starts (+) and ends (-) in order. */
    private static List<String> together(Path first, Path second) throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        List<Job> jobs = List.of(first, second).stream().map(root -> (Job) FluffyJob.of(root.toString(),
                FluffyJobs.WORKSPACE, FluffyRules.workspace(root), m -> {
                    events.add("+" + root);
                    Thread.sleep(300);
                    events.add("-" + root);
                    return Status.OK_STATUS;
                })).toList();
        jobs.forEach(Job::schedule);
        for (Job j : jobs) {
            j.join();
        }
        return events;
    }

    /** The model is read inside the job: a file that is not a model ends the job with an error naming it. */
    @Test
    void aPredictionWhoseModelCannotBeReadFailsNamingTheFile(@TempDir Path dir) throws Exception {
        Path notAModel = Files.writeString(dir.resolve("notes.onnx"), "not a model");
        PredictionJob job = new PredictionJob("Predicting with notes.onnx", () -> new PredictionJob.Plan(
                PredictionModel.read(notAModel, id -> new CategoricalUNet()), SessionSettings.cpu(),
                TileSettings.DEFAULT, new BatchPrediction.Request(List.of(), dir.resolve("out"), InputType.FRAME, -1,
                        PostProcessing.DEFAULT, false)));
        job.schedule();
        job.join();
        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        assertTrue(job.getResult().getMessage().contains("notes.onnx"), job.getResult().getMessage());
        assertInstanceOf(Exception.class, job.getResult().getException());
        assertEquals(null, job.plan());
    }
}
