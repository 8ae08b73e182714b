package fluffy.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;

class ObjectMatchingTest {

    /**
     * Truth: two 4x4 squares. Prediction: the first square exactly, the second shifted by two columns
     * (IoU 8/24 = 1/3), and a stray object. At 0.5: TP 1, FP 2, FN 1, F1 = 2/(2+3) = 0.4.
     */
    @Test
    void countsMatchAHandComputedCase() {
        LabelMap truth = LabelMap.empty(20, 10);
        LabelMap predicted = LabelMap.empty(20, 10);
        fill(truth, 0, 0, 4, 1);
        fill(truth, 10, 0, 4, 2);
        fill(predicted, 0, 0, 4, 7);
        fill(predicted, 12, 0, 4, 8);
        fill(predicted, 0, 6, 2, 9);
        ObjectMatching.Result r = ObjectMatching.match(truth, predicted, 0.5);
        assertEquals(1, r.truePositives());
        assertEquals(2, r.falsePositives());
        assertEquals(1, r.falseNegatives());
        assertEquals(0.4, r.f1(), 1e-12);
        assertEquals(1.0, r.meanMatchedIoU(), 1e-12);
        ObjectMatching.Result loose = ObjectMatching.match(truth, predicted, 0.3);
        assertEquals(2, loose.truePositives());
        assertEquals((1 + 1 / 3.0) / 2, loose.meanMatchedIoU(), 1e-12);
    }

    @Test
    void emptyImagesAgreePerfectly() {
        assertEquals(1.0, ObjectMatching.match(LabelMap.empty(3, 3), LabelMap.empty(3, 3), 0.5).f1());
    }

    @Test
    void differentSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ObjectMatching.match(LabelMap.empty(3, 3),
                LabelMap.empty(4, 3), 0.5));
    }

    private static void fill(LabelMap m, int x0, int y0, int size, int label) {
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                m.set(x, y, label);
            }
        }
    }
}
