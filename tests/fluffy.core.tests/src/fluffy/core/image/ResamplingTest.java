package fluffy.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ObjectSizes;

class ResamplingTest {

    @Test
    void shrinkingAveragesEachFootprint() {
        // A checkerboard of 0 and 1 halves to a uniform 0.5 (bilinear sampling would give 0 or 1 everywhere).
        Plane board = Plane.zeros(8, 6);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                board.set(x, y, (x + y) % 2);
            }
        }
        Plane half = Resampling.plane(board, 4, 3);
        for (float v : half.data()) {
            assertEquals(0.5f, v, 1e-6);
        }
    }

    @Test
    void growingInterpolatesBetweenPixelCentres() {
        Plane ramp = new Plane(2, 1, new float[] {0, 1});
        Plane grown = Resampling.plane(ramp, 4, 1);
        // Centres of the 4 output pixels sit at -0.25, 0.25, 0.75, 1.25 input pixels: clamped at the ends.
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, grown.data(), 1e-6f);
    }

    @Test
    void labelsKeepTheirIdentitiesAndDiametersScale() {
        LabelMap map = LabelMap.empty(100, 100);
        disc(map, 30, 30, 10, 1);
        disc(map, 70, 60, 10, 7);
        double d = ObjectSizes.medianDiameter(List.of(map));
        assertEquals(20, d, 1);
        LabelMap twice = Resampling.labels(map, 200, 200);
        assertEquals(7, twice.get(140, 120));
        assertEquals(1, twice.get(60, 60));
        assertEquals(2 * d, ObjectSizes.medianDiameter(List.of(twice)), 1);
        assertEquals(d / 2, ObjectSizes.medianDiameter(List.of(Resampling.labels(map, 50, 50))), 1);
        assertEquals(Double.NaN, ObjectSizes.medianDiameter(List.of(LabelMap.empty(3, 3))));
    }

    private static void disc(LabelMap map, int cx, int cy, int r, int label) {
        for (int y = cy - r; y <= cy + r; y++) {
            for (int x = cx - r; x <= cx + r; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    map.set(x, y, label);
                }
            }
        }
    }
}
