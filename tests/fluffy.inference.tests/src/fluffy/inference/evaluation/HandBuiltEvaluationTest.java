package fluffy.inference.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;

/**
 * Scores of a 10 x 10 case worked out by hand:
 * <pre>
 * truth A  x0-3 y0-3 (16 px)   predicted 1  x0-3 y0-2 (12 px)   IoU 12/16 = 0.75
 * truth B  x6-9 y0-1 (8 px)    predicted 2  x6-9 y0-2 (12 px)   IoU 8/12  = 0.667
 * truth C  x0-1 y7-9 (6 px)    no prediction                     false negative
 *                              predicted 3  x7-9 y7-9 (9 px)    false positive
 * </pre>
 * IoU 0.50-0.65: TP 2, FP 1, FN 1; 0.70-0.75: TP 1, FP 2, FN 2; 0.80-0.95: TP 0, FP 3, FN 3.
 */
class HandBuiltEvaluationTest {

    private static LabelMap map(int[][] rects) {
        LabelMap m = LabelMap.empty(10, 10);
        for (int[] r : rects) {
            for (int y = r[2]; y <= r[3]; y++) {
                for (int x = r[0]; x <= r[1]; x++) {
                    m.set(x, y, r[4]);
                }
            }
        }
        return m;
    }

    private final LabelMap truth = map(new int[][] {{0, 3, 0, 3, 1}, {6, 9, 0, 1, 2}, {0, 1, 7, 9, 3}});
    private final LabelMap predicted = map(new int[][] {{0, 3, 0, 2, 5}, {6, 9, 0, 2, 9}, {7, 9, 7, 9, 4}});
    private final ImageScores scores = ImageScores.compare("hand", truth, predicted);

    @Test
    void countsAtEachThresholdFollowTheIousOfThePairs() {
        assertEquals(3, scores.truthObjects());
        assertEquals(3, scores.predictedObjects());
        for (double t : ImageScores.THRESHOLDS) {
            ImageScores.Counts c = scores.at(t);
            int tp = t <= 0.65 ? 2 : t <= 0.75 ? 1 : 0;
            assertEquals(tp, c.tp(), "TP at " + t);
            assertEquals(3 - tp, c.fp(), "FP at " + t);
            assertEquals(3 - tp, c.fn(), "FN at " + t);
        }
    }

    @Test
    void precisionRecallF1AndApAtOneHalf() {
        ImageScores.Counts c = scores.at(0.5);
        assertEquals(2 / 3.0, c.precision(), 1e-12);
        assertEquals(2 / 3.0, c.recall(), 1e-12);
        assertEquals(2 / 3.0, c.f1(), 1e-12);
        assertEquals(0.5, c.ap(), 1e-12);
        assertEquals(1 / 3.0, scores.at(0.75).f1(), 1e-12, "IoU 0.75 still matches at threshold 0.75");
        assertEquals(0.2, scores.at(0.75).ap(), 1e-12);
    }

    @Test
    void meanApMatchedIouPanopticQualityPixelIouAndDice() {
        assertEquals((4 * 0.5 + 2 * 0.2) / 10, scores.meanAp(), 1e-12);
        assertEquals((0.75 + 8 / 12.0) / 2, scores.meanMatchedIou(), 1e-12);
        assertEquals((0.75 + 8 / 12.0) / 3, scores.panopticQuality(), 1e-12);
        assertEquals(20 / 43.0, scores.pixelIou(), 1e-12);
        assertEquals(40 / 63.0, scores.dice(), 1e-12);
    }

    @Test
    void anAggregateSumsCountsSoEveryObjectWeighsTheSame() {
        ImageScores perfect = ImageScores.compare("perfect", truth, truth);
        ImageScores all = ImageScores.sum("ALL", java.util.List.of(scores, perfect));
        assertEquals(5, all.at(0.5).tp());
        assertEquals(2 * 5 / (2 * 5 + 1 + 1.0), all.at(0.5).f1(), 1e-12);
        assertEquals(1.0, perfect.meanAp(), 1e-12);
        String csv = EvaluationReport.csv(java.util.List.of(scores, perfect), all);
        assertEquals(4, csv.lines().count());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("hand,3,3,2,1,1,0.666667,"), csv);
        String json = EvaluationReport.json(java.util.List.of(scores), scores);
        assertTrue(json.contains("\"mean_ap\": 0.240000"), json);
    }
}
