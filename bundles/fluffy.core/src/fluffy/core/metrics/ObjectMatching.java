package fluffy.core.metrics;

import fluffy.core.labels.LabelMap;

/**
 * Matches predicted objects to true objects by intersection over union at one threshold, through
 * {@link Overlaps} (pairs in order of falling IoU, each object used at most once).
 */
public final class ObjectMatching {

    private ObjectMatching() {
    }

    /** Counts of one comparison and the mean IoU of the matched pairs. */
    public record Result(int truePositives, int falsePositives, int falseNegatives, double meanMatchedIoU) {

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1 : truePositives / (double) predicted;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 1 : truePositives / (double) actual;
        }

        /** F1 = 2TP / (2TP + FP + FN); 1 when both images are empty. */
        public double f1() {
            int denominator = 2 * truePositives + falsePositives + falseNegatives;
            return denominator == 0 ? 1 : 2.0 * truePositives / denominator;
        }
    }

    public static Result match(LabelMap truth, LabelMap predicted, double threshold) {
        Overlaps.Matching m = Overlaps.of(truth, predicted).match(threshold);
        return new Result(m.truePositives(), m.falsePositives(), m.falseNegatives(),
                m.truePositives() == 0 ? 0 : m.iouSum() / m.truePositives());
    }
}
