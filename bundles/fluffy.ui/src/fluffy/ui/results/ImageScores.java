package fluffy.ui.results;

import java.util.Locale;

/**
 * One row of the per-image metrics table.
 *
 * @param comparison null when the image has no ground truth or it could not be read
 * @param problem    why the row has no scores, or null
 */
public record ImageScores(String stem, int predictedObjects, Comparison comparison, String problem) {

    /** The table's columns, in order. */
    public static final String[] COLUMNS = {"Image", "Predicted", "True", "TP", "FP", "FN", "Precision", "Recall",
        "F1", "Mean IoU"};

    /** The text of column {@code i}. */
    public String cell(int i) {
        if (i == 0) {
            return stem;
        }
        if (i == 1) {
            return Integer.toString(predictedObjects);
        }
        if (comparison == null) {
            return i == 2 ? (problem == null ? "no ground truth" : problem) : "";
        }
        var r = comparison.result();
        return switch (i) {
            case 2 -> Integer.toString(comparison.matching().truthObjects());
            case 3 -> Integer.toString(r.truePositives());
            case 4 -> Integer.toString(r.falsePositives());
            case 5 -> Integer.toString(r.falseNegatives());
            case 6 -> fraction(r.precision());
            case 7 -> fraction(r.recall());
            case 8 -> fraction(r.f1());
            default -> fraction(r.meanMatchedIoU());
        };
    }

    private static String fraction(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
