package fluffy.ui.results;

import java.io.IOException;
import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.inference.PredictionsFolder;
import fluffy.inference.evaluation.ImageScores;
import fluffy.inference.review.ObjectDoubts;
import fluffy.io.rois.LabelMapFiles;
import fluffy.ui.widgets.ImagePreview;

/**
 * One prediction read for display: the image's pixels, the predicted label map, the ground truth and
 * their comparison when there is one. Read in a Job; rendering different styles reuses it.
 *
 * @param base    the image as 0xRRGGBB, or null when it is missing or of another size
 * @param truth   null without ground truth
 * @param note    what is missing or wrong, for the status line; empty when all is there
 */
public record LoadedResult(PredictionsFolder.Sources sources, int[] base, LabelMap predicted, LabelMap truth,
        Comparison comparison, String note, List<ObjectDoubts.Doubt> doubts) {

    /**
     * @throws IOException when the predicted label map cannot be read; a missing image or truth is a note
     */
    public static LoadedResult load(PredictionsFolder.Sources s) throws IOException {
        LabelMap predicted = LabelMapFiles.read(s.labels());
        StringBuilder note = new StringBuilder();
        int[] base = null;
        if (s.image().isEmpty()) {
            note.append("no image found for ").append(s.stem()).append("; ");
        } else {
            try {
                ImagePreview preview = ImagePreview.read(s.image().get());
                if (preview.data().width == predicted.width() && preview.data().height == predicted.height()) {
                    base = OverlayRenderer.rgb(preview.data());
                } else {
                    note.append("the image is ").append(preview.data().width).append(" × ").append(preview.data().height)
                            .append(", the label map ").append(predicted.width()).append(" × ").append(predicted.height())
                            .append("; ");
                }
            } catch (IllegalArgumentException e) {
                note.append(e.getMessage()).append("; ");
            }
        }
        LabelMap truth = null;
        Comparison comparison = null;
        if (s.truth().isPresent()) {
            try {
                truth = LabelMapFiles.read(s.truth().get());
                comparison = Comparison.of(truth, predicted);
            } catch (IOException | IllegalArgumentException e) {
                truth = null;
                note.append("ground truth unusable: ").append(e.getMessage()).append("; ");
            }
        }
        String text = note.length() == 0 ? "" : note.substring(0, note.length() - 2);
        return new LoadedResult(s, base, predicted, truth, comparison, text, doubts(s, predicted));
    }

    /**
     * The model's doubt of each object, most doubtful first: from {@code <stem>_probabilities.tif} beside the
     * label map when prediction wrote it (three planes: background, object, border, as the categorical U-Net
     * gives them; one plane: the object probability), else from the objects' sizes alone.
     */
    static List<ObjectDoubts.Doubt> doubts(PredictionsFolder.Sources s, LabelMap predicted) {
        java.nio.file.Path probabilities = s.labels().resolveSibling(s.stem() + "_probabilities.tif");
        float[] foreground = null;
        float[] object = null;
        if (java.nio.file.Files.isRegularFile(probabilities)) {
            ij.ImagePlus stack = ij.IJ.openImage(probabilities.toString());
            if (stack != null && stack.getWidth() == predicted.width() && stack.getHeight() == predicted.height()
                    && (stack.getStackSize() == 3 || stack.getStackSize() == 1)) {
                object = plane(stack, stack.getStackSize() == 3 ? 1 : 0);
                if (stack.getStackSize() == 3) {
                    foreground = plane(stack, 0);
                    for (int i = 0; i < foreground.length; i++) {
                        foreground[i] = 1 - foreground[i];
                    }
                } else {
                    foreground = object;
                }
            }
            if (stack != null) {
                stack.close();
            }
        }
        return ObjectDoubts.of(predicted, foreground, object);
    }

    private static float[] plane(ij.ImagePlus stack, int index) {
        return ((float[]) stack.getStack().getProcessor(index + 1).convertToFloatProcessor().getPixels()).clone();
    }

    /** The metrics row of one prediction, from its label maps alone (the image is not needed). */
    public static MetricsRow score(PredictionsFolder.Sources s) {
        LabelMap predicted;
        try {
            predicted = LabelMapFiles.read(s.labels());
        } catch (IOException | RuntimeException e) {
            return new MetricsRow(s.stem(), 0, null, "unreadable: " + e.getMessage());
        }
        if (s.truth().isEmpty()) {
            return new MetricsRow(s.stem(), predicted.objectCount(), null, null);
        }
        try {
            LabelMap truth = LabelMapFiles.read(s.truth().get());
            if (truth.width() != predicted.width() || truth.height() != predicted.height()) {
                return new MetricsRow(s.stem(), predicted.objectCount(), null, "truth is " + truth.width() + " × "
                        + truth.height());
            }
            return new MetricsRow(s.stem(), predicted.objectCount(), ImageScores.compare(s.stem(), truth, predicted),
                    null);
        } catch (IOException | RuntimeException e) {
            return new MetricsRow(s.stem(), predicted.objectCount(), null, "truth unusable: " + e.getMessage());
        }
    }
}
