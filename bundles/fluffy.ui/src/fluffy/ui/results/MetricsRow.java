package fluffy.ui.results;

import java.util.List;
import java.util.Locale;

import fluffy.inference.evaluation.ImageScores;

/**
 * One row of the per-image metrics table: the scores {@code fluffy evaluate} computes (objects matched by
 * IoU at 0.50 … 0.95), shown at 0.5 with the mean AP over all thresholds.
 *
 * @param scores  null when the image has no ground truth or it could not be read
 * @param problem why the row has no scores, or null
 */
public record MetricsRow(String stem, int predictedObjects, ImageScores scores, String problem) {

    /** The IoU the table's counts are shown at: the original Fluffy's and the training's validation F1's. */
    public static final double IOU = 0.5;

    /** The table's columns, in order. */
    public static final String[] COLUMNS = {"Image", "Predicted", "True", "TP", "FP", "FN", "Precision", "Recall",
        "F1", "AP", "Mean AP", "Mean IoU"};

    /** The text of column {@code i}. */
    public String cell(int i) {
        if (i == 0) {
            return stem;
        }
        if (i == 1) {
            return Integer.toString(predictedObjects);
        }
        if (scores == null) {
            return i == 2 ? (problem == null ? "no ground truth" : problem) : "";
        }
        ImageScores.Counts c = scores.at(IOU);
        return switch (i) {
            case 2 -> Integer.toString(scores.truthObjects());
            case 3 -> Integer.toString(c.tp());
            case 4 -> Integer.toString(c.fp());
            case 5 -> Integer.toString(c.fn());
            case 6 -> fraction(c.precision());
            case 7 -> fraction(c.recall());
            case 8 -> fraction(c.f1());
            case 9 -> fraction(c.ap());
            case 10 -> fraction(scores.meanAp());
            default -> fraction(scores.meanMatchedIou());
        };
    }

    /**
     * The images with ground truth added up (objects counted over the folder), e.g. {@code 20 images, 18
     * with ground truth at IoU 0.50: TP 700, FP 40, FN 52; precision 0.946, recall 0.931, F1 0.938, mean AP 0.61}.
     */
    public static String describe(List<MetricsRow> rows) {
        List<ImageScores> scored = rows.stream().map(MetricsRow::scores).filter(s -> s != null).toList();
        String head = rows.size() + (rows.size() == 1 ? " image" : " images");
        if (scored.isEmpty()) {
            return head + ", none with ground truth";
        }
        ImageScores all = ImageScores.sum("ALL", scored);
        ImageScores.Counts c = all.at(IOU);
        return String.format(Locale.ROOT, "%s, %d with ground truth at IoU %.2f: TP %d, FP %d, FN %d; precision %.3f, "
                + "recall %.3f, F1 %.3f, mean AP %.3f", head, scored.size(), IOU, c.tp(), c.fp(), c.fn(), c.precision(),
                c.recall(), c.f1(), all.meanAp());
    }

    private static String fraction(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
