package fluffy.core.morphology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;

class BorderInstancesTest {

    private static final int W = 60;
    private static final int H = 40;

    /** Two discs of radius 9 whose centres are 18 px apart: they touch in one pixel, (29, 20). */
    private static boolean twoTouchingDiscs(int x, int y) {
        return disc(x, y, 20, 20, 9) || disc(x, y, 38, 20, 9);
    }

    private static boolean disc(int x, int y, int cx, int cy, int r) {
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
    }

    /** Probabilities of a network that is sure of both discs as object but drew no border between them. */
    private static BorderInstances.Probabilities sureOf(java.util.function.BiPredicate<Integer, Integer> object) {
        return new BorderInstances.Probabilities() {
            @Override
            public float background(int i) {
                return object.test(i % W, i / W) ? 0.05f : 0.95f;
            }

            @Override
            public float object(int i) {
                return object.test(i % W, i / W) ? 0.9f : 0.05f;
            }
        };
    }

    @Test
    void twoTouchingNucleiWithoutABorderArePartedAtTheirNeck() {
        LabelMap objects = BorderInstances.objects(W, H, sureOf(BorderInstancesTest::twoTouchingDiscs),
                BorderInstances.Settings.DEFAULT);
        assertEquals(2, objects.relabelled().objectCount());
        // Each disc's centre belongs to a different object, and every disc pixel to one of them.
        assertTrue(objects.get(20, 20) != objects.get(38, 20));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(twoTouchingDiscs(x, y), objects.get(x, y) != 0, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void withoutNeckCuttingTheyStayOneObject() {
        BorderInstances.Settings noCut = new BorderInstances.Settings(0.8, 0.3, 0, 8);
        assertEquals(1, BorderInstances.objects(W, H, sureOf(BorderInstancesTest::twoTouchingDiscs), noCut)
                .relabelled().objectCount());
    }

    @Test
    void anElongatedNucleusIsNotCut() {
        // An ellipse with semi-axes 20 and 7: convex, so shrinking it never parts it.
        LabelMap objects = BorderInstances.objects(W, H,
                sureOf((x, y) -> (x - 30) * (x - 30) / 400.0 + (y - 20) * (y - 20) / 49.0 <= 1),
                BorderInstances.Settings.DEFAULT);
        assertEquals(1, objects.relabelled().objectCount());
    }

    @Test
    void pixelsTheNetworkIsUnsureOfSeedNothing() {
        BorderInstances.Probabilities unsure = new BorderInstances.Probabilities() {
            @Override
            public float background(int i) {
                return 0.2f;
            }

            @Override
            public float object(int i) {
                return 0.6f;
            }
        };
        assertEquals(0, BorderInstances.objects(W, H, unsure, BorderInstances.Settings.DEFAULT).objectCount());
    }
}
