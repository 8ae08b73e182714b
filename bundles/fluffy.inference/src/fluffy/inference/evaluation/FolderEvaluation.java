package fluffy.inference.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.labels.LabelMap;
import fluffy.inference.BatchPrediction;
import fluffy.inference.PredictionsFolder;
import fluffy.io.rois.LabelMapFiles;

/**
 * Compares the label maps of a prediction folder ({@code <stem>.tif}, as {@code fluffy predict} writes
 * them) with the true label maps of the same stem in another folder (e.g. a {@code Processed/masks/}).
 * Predictions without a truth, or whose files cannot be read or differ in size, are reported by name and
 * left out; truths without a prediction are counted but not an error, so a test split can be scored
 * inside a folder holding every mask.
 */
public final class FolderEvaluation {

    public record Result(List<ImageScores> images, ImageScores aggregate, List<String> problems,
            int truthsWithoutPrediction) {
    }

    private FolderEvaluation() {
    }

    public static Result run(Path predictions, Path truths, IProgressMonitor monitor, Consumer<String> problem)
            throws IOException {
        return run(PredictionsFolder.withTruths(predictions, truths), monitor, problem);
    }

    /** Scores the folder's label maps against its truths (see {@link PredictionsFolder} for which those are). */
    public static Result run(PredictionsFolder folder, IProgressMonitor monitor, Consumer<String> problem)
            throws IOException {
        Path truths = folder.truths();
        if (truths == null || !java.nio.file.Files.isDirectory(truths)) {
            throw new IOException("no folder of true label maps for " + folder.folder()
                    + (truths == null ? "" : ": " + truths + " does not exist"));
        }
        Map<String, Path> truthByStem = folder.truthsByStem();
        List<Path> predicted = folder.labelMaps();
        SubMonitor progress = SubMonitor.convert(monitor, "Evaluating " + predicted.size() + " label maps",
                predicted.size());
        List<ImageScores> scores = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Consumer<String> report = p -> {
            problems.add(p);
            problem.accept(p);
        };
        int matched = 0;
        for (Path p : predicted) {
            progress.checkCanceled();
            progress.subTask(p.getFileName().toString());
            String stem = BatchPrediction.stem(p);
            Path truth = truthByStem.get(stem);
            if (truth == null) {
                report.accept(p.getFileName() + ": no true label map named " + stem + ".* in " + truths);
            } else {
                matched++;
                try {
                    LabelMap t = LabelMapFiles.read(truth);
                    LabelMap q = LabelMapFiles.read(p);
                    if (t.width() != q.width() || t.height() != q.height()) {
                        throw new IOException(p.getFileName() + ": " + q.width() + " x " + q.height()
                                + " but the truth " + truth.getFileName() + " is " + t.width() + " x " + t.height());
                    }
                    scores.add(ImageScores.compare(stem, t, q));
                } catch (IOException | RuntimeException e) {
                    report.accept(p.getFileName() + ": " + e.getMessage());
                }
            }
            progress.worked(1);
        }
        return new Result(scores, ImageScores.sum("ALL", scores), problems, truthByStem.size() - matched);
    }

    /** The image files of a folder (e.g. true label maps) by their stem, as predictions are named. */
    public static Map<String, Path> byStem(Path folder) throws IOException {
        return PredictionsFolder.byStem(folder);
    }
}
