package fluffy.ui.results;

import java.util.BitSet;

import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.Overlaps;

/**
 * A prediction compared with its ground truth object by object at one IoU threshold: which predicted
 * objects are true positives (the others are false positives) and which true objects were found (the
 * others are false negatives), for colouring. The scores themselves come from fluffy.inference's evaluation.
 */
public record Comparison(Overlaps.Matching matching, BitSet matchedTruth, BitSet matchedPredicted) {

    /** The threshold of the original Fluffy's evaluation and of the training's validation F1. */
    public static final double IOU = MetricsRow.IOU;

    public static Comparison of(LabelMap truth, LabelMap predicted) {
        Overlaps.Matching m = Overlaps.of(truth, predicted).match(IOU);
        BitSet t = new BitSet();
        BitSet p = new BitSet();
        for (Overlaps.Pair pair : m.matches()) {
            t.set(pair.truth());
            p.set(pair.predicted());
        }
        return new Comparison(m, t, p);
    }

    public boolean truePositive(int predictedLabel) {
        return matchedPredicted.get(predictedLabel);
    }

    public boolean found(int truthLabel) {
        return matchedTruth.get(truthLabel);
    }
}
