package fluffy.ui.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fluffy.core.workspace.Workspace;
import fluffy.inference.BatchPrediction;
import fluffy.jobs.PredictionJob;
import fluffy.ui.WorkbenchPrediction;

/**
 * "Correct instead of draw": a model predicts the image being annotated with the same job as the
 * navigator's Predict (into {@code Predictions/<run>/}), and the objects it found come back as editable
 * ROIs from the {@code <stem>_RoiSet.zip} it wrote. The user fixes them and saves, and the corrected
 * annotation becomes a training pair for the next round.
 */
public final class PredictedRois {

    private PredictedRois() {
    }

    /**
     * The prediction job for one image with the workspace's newest model (else {@code extra}, else the
     * bundled default model), into that model's predictions folder; not yet scheduled. The job finds and
     * reads the model and resolves the device itself.
     */
    public static PredictionJob job(Workspace ws, Path image, String extra, String device, int threads) {
        return WorkbenchPrediction.newestModelJob(ws, extra, List.of(image), device, threads);
    }

    /**
     * The ROIs of a finished job's image, marked unsaved (they are not this image's annotation until saved).
     *
     * @throws IOException with the job's own message when the image failed or nothing was written
     */
    public static RoiDocument read(PredictionJob job) throws IOException {
        List<BatchPrediction.FileResult> results = job.results();
        if (results.isEmpty()) {
            throw new IOException(job.getResult() == null ? "the prediction did not run" : job.getResult().getMessage());
        }
        BatchPrediction.FileResult r = results.get(0);
        if (r.failed()) {
            throw new IOException(r.line());
        }
        Path roiSet = r.written().stream().filter(p -> p.getFileName().toString().endsWith("_RoiSet.zip")).findFirst()
                .orElseThrow(() -> new IOException("the prediction wrote no RoiSet.zip for " + r.input().getFileName()));
        if (!Files.isRegularFile(roiSet)) {
            throw new IOException(roiSet + " is missing");
        }
        RoiDocument doc = RoiDocument.read(roiSet);
        doc.markUnsaved();
        return doc;
    }
}
