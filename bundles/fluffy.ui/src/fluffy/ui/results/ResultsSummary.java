package fluffy.ui.results;

import java.util.List;
import java.util.Locale;

import fluffy.core.metrics.ObjectMatching;

/** The scores of all images with ground truth added up: objects counted over the whole folder. */
public final class ResultsSummary {

    private ResultsSummary() {
    }

    /** Counts summed over the images that have a comparison; null when none has. */
    public static ObjectMatching.Result total(List<ImageScores> rows) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        double iou = 0;
        int compared = 0;
        for (ImageScores row : rows) {
            if (row.comparison() != null) {
                ObjectMatching.Result r = row.comparison().result();
                tp += r.truePositives();
                fp += r.falsePositives();
                fn += r.falseNegatives();
                iou += row.comparison().matching().iouSum();
                compared++;
            }
        }
        return compared == 0 ? null : new ObjectMatching.Result(tp, fp, fn, tp == 0 ? 0 : iou / tp);
    }

    /** e.g. {@code 20 images, 18 with ground truth: TP 700, FP 40, FN 52; precision 0.946, recall 0.931, F1 0.938}. */
    public static String describe(List<ImageScores> rows) {
        ObjectMatching.Result r = total(rows);
        long compared = rows.stream().filter(s -> s.comparison() != null).count();
        String head = rows.size() + (rows.size() == 1 ? " image" : " images");
        if (r == null) {
            return head + ", none with ground truth";
        }
        return String.format(Locale.ROOT, "%s, %d with ground truth at IoU %.2f: TP %d, FP %d, FN %d; precision %.3f, "
                + "recall %.3f, F1 %.3f", head, compared, Comparison.IOU, r.truePositives(), r.falsePositives(),
                r.falseNegatives(), r.precision(), r.recall(), r.f1());
    }
}
