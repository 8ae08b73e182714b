package fluffy.core.morphology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;

class ObjectBordersTest {

    /** A 5x5 square in a 9x9 image, one iteration: dilation (a cross-grown square) XOR erosion (3x3). */
    @Test
    void oneIterationBandIsDilationXorErosionByHand() {
        LabelMap labels = LabelMap.empty(9, 9);
        for (int y = 2; y <= 6; y++) {
            for (int x = 2; x <= 6; x++) {
                labels.set(x, y, 1);
            }
        }
        boolean[] band = ObjectBorders.band(labels, 1);
        String expected = """
                .........
                ..XXXXX..
                .XXXXXXX.
                .XX...XX.
                .XX...XX.
                .XX...XX.
                .XXXXXXX.
                ..XXXXX..
                .........
                """;
        assertEquals(expected, render(band, 9, 9));
    }

    @Test
    void touchingObjectsGetABorderWhereTheyMeet() {
        LabelMap labels = LabelMap.empty(12, 6);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 12; x++) {
                labels.set(x, y, x < 6 ? 1 : 2);
            }
        }
        boolean[] band = ObjectBorders.band(labels, 2);
        // Both objects fill the image: no border along the image edge, a band 4 px wide between them.
        assertFalse(band[3 * 12 + 0]);
        assertFalse(band[0 * 12 + 2]);
        for (int x = 4; x <= 7; x++) {
            assertTrue(band[3 * 12 + x], "x=" + x);
        }
        assertFalse(band[3 * 12 + 3]);
        assertFalse(band[3 * 12 + 8]);
    }

    @Test
    void componentsAreFourConnected() {
        boolean[] mask = {
            true, true, false, false,
            false, false, true, false,
            true, false, true, true };
        LabelMap l = Components.label(mask, 4, 3);
        assertArrayEquals(new int[] {1, 1, 0, 0, 0, 0, 2, 0, 3, 0, 2, 2}, l.labels());
    }

    @Test
    void watershedSplitsAlongTheHighestLevelRidge() {
        // Two seeds in a 1x7 strip; the level peaks at index 4, so the first seed takes 1..3 and the second 4..5.
        LabelMap seeds = new LabelMap(7, 1, new int[] {1, 0, 0, 0, 0, 0, 2});
        int[] level = {0, 1, 2, 3, 9, 2, 0};
        Watershed.flood(seeds, i -> true, i -> level[i], 10);
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 2, 2}, seeds.labels());
    }

    private static String render(boolean[] mask, int w, int h) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                s.append(mask[y * w + x] ? 'X' : '.');
            }
            s.append('\n');
        }
        return s.toString();
    }
}
