package fluffy.ui.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fluffy.core.workspace.Workspace;
import fluffy.inference.review.ObjectDoubts;
import fluffy.io.rois.LabelMapFiles;
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
        return WorkbenchPrediction.newestModelJob(ws, extra, List.of(image), device, threads, true);
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
        Path labels = r.written().stream().filter(p -> p.getFileName().toString().equals(BatchPrediction.stem(
                r.input()) + ".tif")).findFirst().orElse(null);
        Path probabilities = r.written().stream().filter(p -> p.getFileName().toString().endsWith("_probabilities.tif"))
                .findFirst().orElse(null);
        if (labels != null) {
            markDoubts(doc, LabelMapFiles.read(labels), probabilities, job.plan().model().classes());
        }
        doc.markUnsaved();
        return doc;
    }

    /** The ROI property holding an object's doubt ({@link ObjectDoubts}), e.g. {@code 0.42}. */
    public static final String DOUBT = "fluffy.doubt";

    /**
     * Gives each ROI (in label order, as the prediction wrote them) its doubt from the label map and, when
     * written, the class probabilities: foreground is one minus the {@code background} class (else the
     * {@code object} or {@code foreground} class), the seed the {@code object} class.
     */
    static void markDoubts(RoiDocument doc, fluffy.core.labels.LabelMap labels, Path probabilities,
            List<String> classes) throws IOException {
        float[] foreground = null;
        float[] object = null;
        if (probabilities != null && Files.isRegularFile(probabilities)) {
            ij.ImagePlus stack = ij.IJ.openImage(probabilities.toString());
            if (stack == null || stack.getStackSize() != classes.size()) {
                throw new IOException(probabilities + ": not the " + classes.size() + " class planes expected");
            }
            int background = classes.indexOf("background");
            int obj = classes.contains("object") ? classes.indexOf("object") : classes.indexOf("foreground");
            if (obj >= 0) {
                object = plane(stack, obj);
            }
            if (background >= 0) {
                foreground = plane(stack, background);
                for (int i = 0; i < foreground.length; i++) {
                    foreground[i] = 1 - foreground[i];
                }
            } else {
                foreground = object;
            }
            stack.close();
        }
        List<ObjectDoubts.Doubt> doubts = ObjectDoubts.of(labels, foreground, object);
        List<ij.gui.Roi> rois = doc.rois();
        for (ObjectDoubts.Doubt d : doubts) {
            if (d.label() - 1 < rois.size()) {
                rois.get(d.label() - 1).setProperty(DOUBT, String.format(java.util.Locale.ROOT, "%.3f", d.score()));
                rois.get(d.label() - 1).setProperty(DOUBT + ".reason", d.reason());
            }
        }
    }

    private static float[] plane(ij.ImagePlus stack, int index) {
        return (float[]) stack.getStack().getProcessor(index + 1).convertToFloatProcessor().getPixels();
    }
}
