package fluffy.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fluffy.core.labels.LabelMap;

/**
 * The overlaps of a true and a predicted label map, counted once so that objects can be matched at many
 * IoU thresholds. Matching takes pairs in order of falling IoU and uses each object at most once; from a
 * threshold of 0.5 on this is the unique optimal assignment, as two objects cannot both overlap a third by
 * more than half of their union.
 */
public final class Overlaps {

    /** One overlapping pair and its intersection over union. */
    public record Pair(int truth, int predicted, double iou) {
    }

    /** The matches at one threshold. */
    public record Matching(double threshold, List<Pair> matches, int truthObjects, int predictedObjects) {

        public int truePositives() {
            return matches.size();
        }

        public int falsePositives() {
            return predictedObjects - matches.size();
        }

        public int falseNegatives() {
            return truthObjects - matches.size();
        }

        public double iouSum() {
            return matches.stream().mapToDouble(Pair::iou).sum();
        }
    }

    private final List<Pair> pairs;
    private final int truthObjects;
    private final int predictedObjects;

    private Overlaps(List<Pair> pairs, int truthObjects, int predictedObjects) {
        this.pairs = pairs;
        this.truthObjects = truthObjects;
        this.predictedObjects = predictedObjects;
    }

    public static Overlaps of(LabelMap truth, LabelMap predicted) {
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
        List<Pair> pairs = new ArrayList<>();
        overlap.forEach((key, inter) -> {
            int lt = (int) (key >>> 32);
            int lp = (int) (long) key;
            pairs.add(new Pair(lt, lp, inter / (double) (areaT.get(lt) + areaP.get(lp) - inter)));
        });
        // Falling IoU, ties by labels, so the result never depends on hash order.
        pairs.sort((a, b) -> a.iou() != b.iou() ? Double.compare(b.iou(), a.iou())
                : a.truth() != b.truth() ? Integer.compare(a.truth(), b.truth())
                        : Integer.compare(a.predicted(), b.predicted()));
        return new Overlaps(List.copyOf(pairs), areaT.size(), areaP.size());
    }

    public int truthObjects() {
        return truthObjects;
    }

    public int predictedObjects() {
        return predictedObjects;
    }

    /** Pairs with IoU from {@code threshold} on, each object used at most once. */
    public Matching match(double threshold) {
        Set<Integer> usedT = new HashSet<>();
        Set<Integer> usedP = new HashSet<>();
        List<Pair> matches = new ArrayList<>();
        for (Pair pair : pairs) {
            if (pair.iou() < threshold) {
                break;
            }
            if (!usedT.contains(pair.truth()) && !usedP.contains(pair.predicted())) {
                usedT.add(pair.truth());
                usedP.add(pair.predicted());
                matches.add(pair);
            }
        }
        return new Matching(threshold, matches, truthObjects, predictedObjects);
    }
}
