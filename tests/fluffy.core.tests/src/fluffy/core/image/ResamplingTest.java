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

    /** Rows resampled from a band of source rows are exactly the rows of the whole image resampled. */
    @Test
    void bandsOfRowsResampleExactlyAsTheWholePlane() {
        java.util.Random random = new java.util.Random(4);
        Plane source = Plane.zeros(37, 53);
        for (int i = 0; i < source.data().length; i++) {
            source.data()[i] = random.nextFloat() * 1000;
        }
        for (int[] size : new int[][] {{80, 115}, {20, 27}, {37, 53}, {55, 79}}) {
            int w = size[0];
            int h = size[1];
            Plane whole = Resampling.rows(source, 0, 37, 53, w, h, 0, h);
            if (w != 37) {
                assertArrayEquals(Resampling.plane(source, w, h).data(), whole.data());
            }
            for (int band : new int[] {1, 7, 16}) {
                for (int y0 = 0; y0 < h; y0 += band) {
                    int n = Math.min(band, h - y0);
                    int[] needed = Resampling.sourceRows(53, h, y0, n);
                    float[] rows = java.util.Arrays.copyOfRange(source.data(), needed[0] * 37, (needed[1] + 1) * 37);
                    Plane part = Resampling.rows(new Plane(37, needed[1] - needed[0] + 1, rows), needed[0], 37, 53, w, h,
                            y0, n);
                    assertArrayEquals(java.util.Arrays.copyOfRange(whole.data(), y0 * w, (y0 + n) * w), part.data(),
                            w + " x " + h + ", rows " + y0 + "+" + n);
                }
            }
        }
    }

    @Test
    void nearestIsWhatLabelMapsTake() {
        LabelMap map = new LabelMap(5, 1, new int[] {1, 2, 3, 4, 5});
        LabelMap grown = Resampling.labels(map, 12, 1);
        for (int x = 0; x < 12; x++) {
            assertEquals(map.labels()[Resampling.nearest(x, 5, 12)], grown.labels()[x]);
        }
    }
}
