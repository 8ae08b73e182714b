package fluffy.inference.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;

/** The doubt of an object: faint, a weak seed, or an unusual size rank it first; a sure typical one last. */
class ObjectDoubtsTest {

    private static final int W = 100;
    private static final int H = 20;

    @Test
    void faintWeakAndOddlySizedObjectsComeFirst() {
        int[] labels = new int[W * H];
        float[] foreground = new float[W * H];
        float[] object = new float[W * H];
        // Five 8 x 8 objects (areas 64) at x = 0, 10, 20, 30, 40; a 16 x 16 one (256) at x = 60.
        for (int k = 0; k < 5; k++) {
            fill(labels, foreground, object, k + 1, k * 10, 8, 8, 0.95f, 0.95f);
        }
        fill(labels, foreground, object, 6, 60, 16, 16, 0.95f, 0.95f);
        // Object 2 faint (foreground 0.55), object 3 a weak seed (object probability at most 0.55).
        fill(labels, foreground, object, 2, 10, 8, 8, 0.55f, 0.9f);
        fill(labels, foreground, object, 3, 20, 8, 8, 0.9f, 0.55f);
        List<ObjectDoubts.Doubt> doubts = ObjectDoubts.of(new LabelMap(W, H, labels), foreground, object);
        assertEquals(6, doubts.size());
        assertEquals(List.of(2, 3, 6), doubts.subList(0, 3).stream().map(ObjectDoubts.Doubt::label).sorted().toList(),
                "faint, weak seed and 4x area first: " + doubts);
        assertEquals("faint", doubts.stream().filter(d -> d.label() == 2).findFirst().orElseThrow().reason());
        assertEquals("weak seed", doubts.stream().filter(d -> d.label() == 3).findFirst().orElseThrow().reason());
        ObjectDoubts.Doubt big = doubts.stream().filter(d -> d.label() == 6).findFirst().orElseThrow();
        assertEquals("unusual size", big.reason());
        assertEquals(1.0, big.size(), 1e-9, "four times the median area counts fully");
        ObjectDoubts.Doubt sure = doubts.get(5);
        assertEquals("sure", sure.reason());
        assertTrue(sure.score() < 0.1, sure.toString());

        // Without probabilities only the size is known.
        List<ObjectDoubts.Doubt> sizeOnly = ObjectDoubts.of(new LabelMap(W, H, labels), null, null);
        assertEquals(6, sizeOnly.get(0).label());
    }

    private static void fill(int[] labels, float[] fg, float[] obj, int label, int x0, int w, int h, float f, float o) {
        for (int y = 0; y < h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                labels[y * W + x] = label;
                fg[y * W + x] = f;
                obj[y * W + x] = o;
            }
        }
    }
}
