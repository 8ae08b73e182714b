package fluffy.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fluffy.core.labels.LabelMap;

/**
 * Matches predicted objects to true objects by intersection over union. Pairs are taken in order of
 * falling IoU, each object used at most once; a pair counts from {@code threshold} on. At thresholds
 * of 0.5 and more this greedy matching is the unique optimum, as two objects cannot both overlap a third
 * by more than half.
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
        if (truth.width() != predicted.width() || truth.height() != predicted.height()) {
            throw new IllegalArgumentException("label maps differ in size: " + truth.width() + "x" + truth.height()
                    + " and " + predicted.width() + "x" + predicted.height());
        }
        Map<Integer, Integer> areaT = new HashMap<>();
        Map<Integer, Integer> areaP = new HashMap<>();
        Map<Long, Integer> overlap = new HashMap<>();
        int[] t = truth.labels();
        int[] p = predicted.labels();
        for (int i = 0; i < t.length; i++) {
            if (t[i] != 0) {
                areaT.merge(t[i], 1, Integer::sum);
            }
            if (p[i] != 0) {
                areaP.merge(p[i], 1, Integer::sum);
            }
            if (t[i] != 0 && p[i] != 0) {
                overlap.merge(((long) t[i] << 32) | p[i], 1, Integer::sum);
            }
        }
        List<double[]> pairs = new ArrayList<>();
        overlap.forEach((key, inter) -> {
            int lt = (int) (key >>> 32);
            int lp = (int) (long) key;
            double iou = inter / (double) (areaT.get(lt) + areaP.get(lp) - inter);
            if (iou >= threshold) {
                pairs.add(new double[] {iou, lt, lp});
            }
        });
        pairs.sort((a, b) -> Double.compare(b[0], a[0]));
        Map<Integer, Boolean> usedT = new HashMap<>();
        Map<Integer, Boolean> usedP = new HashMap<>();
        double iouSum = 0;
        int matched = 0;
        for (double[] pair : pairs) {
            int lt = (int) pair[1];
            int lp = (int) pair[2];
            if (usedT.putIfAbsent(lt, true) == null) {
                if (usedP.putIfAbsent(lp, true) == null) {
                    matched++;
                    iouSum += pair[0];
                } else {
                    usedT.remove(lt);
                }
            }
        }
        return new Result(matched, areaP.size() - matched, areaT.size() - matched,
                matched == 0 ? 0 : iouSum / matched);
    }
}
