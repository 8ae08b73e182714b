package fluffy.core.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.ShapeDescriptors.Shape;

class ShapeDescriptorsTest {

    /** Which pixels of a map an object covers. */
    private interface Region {
        boolean contains(int x, int y);
    }

    private static LabelMap draw(int width, int height, Region region) {
        LabelMap map = LabelMap.empty(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (region.contains(x, y)) {
                    map.set(x, y, 1);
                }
            }
        }
        return map;
    }

    /** An ellipse with semi-axes a and b whose a axis is turned counter-clockwise on screen by degrees. */
    private static Region ellipse(double cx, double cy, double a, double b, double degrees) {
        double t = Math.toRadians(degrees);
        return (x, y) -> {
            // y points down, so a counter-clockwise turn on screen goes towards -y.
            double u = (x - cx) * Math.cos(t) - (y - cy) * Math.sin(t);
            double v = (x - cx) * Math.sin(t) + (y - cy) * Math.cos(t);
            return (u / a) * (u / a) + (v / b) * (v / b) <= 1;
        };
    }

    private static Shape only(LabelMap map) {
        return ShapeDescriptors.of(map).shape(1);
    }

    @Test
    void digitalDiskIsRoundAndSolid() {
        double r = 20;
        Shape disk = only(draw(60, 60, ellipse(30, 30, r, r, 0)));
        assertEquals(Math.PI * r * r, disk.area(), 0.01 * Math.PI * r * r);
        assertEquals(2 * r, disk.majorAxisLength(), 0.02 * 2 * r);
        assertEquals(2 * r, disk.minorAxisLength(), 0.02 * 2 * r);
        assertEquals(0, disk.orientation(), "a disk has no major axis");
        // scikit-image's own definitions put this disk 4.9% above 2 pi r, with a hull 48 pixels larger than the
        // disk: 0.19.3 gives perimeter 131.88225099390857, circularity 0.9081810576523065, area_convex 1305.
        assertEquals(1257, disk.area());
        assertEquals(131.88225099390857, disk.perimeter(), 1e-9);
        assertEquals(0.9081810576523065, disk.circularity(), 1e-9);
        assertEquals(1305, disk.convexArea());
        assertEquals(2 * Math.PI * r, disk.perimeter(), 0.06 * 2 * Math.PI * r);
        assertEquals(1, disk.circularity(), 0.1);
        assertTrue(disk.solidity() > 0.96, "solidity " + disk.solidity());
    }

    @Test
    void ellipseAxesAndOrientation() {
        Shape flat = only(draw(80, 40, ellipse(40, 20, 30, 10, 0)));
        assertEquals(60, flat.majorAxisLength(), 0.03 * 60);
        assertEquals(20, flat.minorAxisLength(), 0.03 * 20);
        assertEquals(Math.sqrt(1 - 1 / 9.0), flat.eccentricity(), 0.01);
        assertEquals(0, flat.orientation(), 1);

        Shape up = only(draw(80, 80, ellipse(40, 40, 30, 10, 30)));
        assertEquals(30, up.orientation(), 1.5, "bottom-left to top-right on screen is positive");
        assertEquals(60, up.majorAxisLength(), 0.03 * 60);
        Shape down = only(draw(80, 80, ellipse(40, 40, 30, 10, -30)));
        assertEquals(-30, down.orientation(), 1.5);

        assertEquals(90, only(draw(40, 80, ellipse(20, 40, 10, 30, 0))).orientation(), 1e-12,
                "vertical is 90, never -90");
    }

    @Test
    void smallPatternMatchesScikitImage() {
        // Two touching objects; every expected value is scikit-image 0.19.3's regionprops (orientation converted
        // from its radians-from-rows: phi + 90 degrees when phi <= 0, else phi - 90).
        String[] rows = {
            "..........",
            ".11.......",
            ".11...222.",
            ".11..2222.",
            ".11..222..",
            ".111112...",
            ".11111....",
            "..........",
        };
        LabelMap map = LabelMap.empty(rows[0].length(), rows.length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                map.set(x, y, rows[y].charAt(x) == '.' ? 0 : rows[y].charAt(x) - '0');
            }
        }
        ShapeDescriptors shapes = ShapeDescriptors.of(map);

        Shape l = shapes.shape(1);
        assertEquals(18, l.area());
        assertEquals(15.0, l.perimeter(), 1e-9);
        assertEquals(4 * Math.PI * 18 / (15.0 * 15.0), l.circularity(), 1e-9);
        assertEquals(23, l.convexArea());
        assertEquals(0.782608695652174, l.solidity(), 1e-9);
        assertEquals(7.584990770841472, l.majorAxisLength(), 1e-9);
        assertEquals(4.1927349209508575, l.minorAxisLength(), 1e-9);
        assertEquals(0.8333356493439433, l.eccentricity(), 1e-9);
        assertEquals(-58.56756981103844, l.orientation(), 1e-9);

        Shape blob = shapes.shape(2);
        assertEquals(11, blob.area());
        assertEquals(9.65685424949238, blob.perimeter(), 1e-9);
        assertEquals(11, blob.convexArea());
        assertEquals(1.0, blob.solidity(), 1e-9);
        assertEquals(4.533315962095487, blob.majorAxisLength(), 1e-9);
        assertEquals(3.0114583009821128, blob.minorAxisLength(), 1e-9);
        assertEquals(0.747470665022941, blob.eccentricity(), 1e-9);
        assertEquals(41.0282640947048, blob.orientation(), 1e-9);
    }

    @Test
    void touchingObjectsAreMeasuredSeparately() {
        Shape alone = only(draw(20, 10, (x, y) -> x < 10));
        LabelMap pair = draw(20, 10, (x, y) -> true);
        for (int y = 0; y < 10; y++) {
            for (int x = 10; x < 20; x++) {
                pair.set(x, y, 2);
            }
        }
        ShapeDescriptors both = ShapeDescriptors.of(pair);
        assertEquals(36.0, alone.perimeter(), 1e-12, "scikit-image gives an n x n square 4 (n - 1)");
        for (int label = 1; label <= 2; label++) {
            Shape s = both.shape(label);
            assertEquals(alone.area(), s.area());
            assertEquals(alone.perimeter(), s.perimeter(), 1e-12);
            assertEquals(alone.convexArea(), s.convexArea());
            assertEquals(alone.majorAxisLength(), s.majorAxisLength(), 1e-12);
            assertEquals(alone.minorAxisLength(), s.minorAxisLength(), 1e-12);
        }
    }

    @Test
    void singlePixelAndThinObjects() {
        Shape pixel = only(draw(3, 3, (x, y) -> x == 1 && y == 1));
        assertEquals(1, pixel.area());
        assertEquals(0, pixel.perimeter(), "scikit-image's perimeter of a lone pixel is 0");
        assertEquals(0, pixel.circularity(), "defined as 0 when the perimeter is 0");
        assertEquals(1, pixel.convexArea());
        assertEquals(1, pixel.solidity());
        assertEquals(0, pixel.majorAxisLength());
        assertEquals(0, pixel.minorAxisLength());
        assertEquals(0, pixel.eccentricity());
        assertEquals(0, pixel.orientation());

        Shape pair = only(draw(2, 1, (x, y) -> true));
        assertEquals(0, pair.perimeter(), "as in scikit-image, a 1 x 2 object has no perimeter either");
        assertEquals(2, pair.majorAxisLength(), 1e-12);
        assertEquals(1, pair.eccentricity(), 1e-12);
        assertEquals(0, pair.orientation(), 1e-12);

        // An exactly diagonal line from top-left to bottom-right points down-right on screen. scikit-image 0.19.3
        // says +45 here (its sign error for exactly equal variances, issue 6815).
        Shape diagonal = only(draw(4, 4, (x, y) -> x == y));
        assertEquals(-45, diagonal.orientation(), 1e-12);
        assertEquals(2 * Math.sqrt(2), diagonal.perimeter(), 1e-12);
        assertEquals(4, diagonal.convexArea(), "the hull of edge midpoints, not corners, leaves out the neighbours");
    }

    @Test
    void ringWithAHoleIsNotSolid() {
        Shape ring = only(draw(50, 50, (x, y) -> {
            double d = Math.hypot(x - 25, y - 25);
            return d <= 20 && d >= 10;
        }));
        assertEquals(0.75, ring.solidity(), 0.03, "the hole is a quarter of the disk");
        assertEquals(ring.majorAxisLength(), ring.minorAxisLength(), 1e-9);
    }

    @Test
    void absentLabelsHaveNoShape() {
        LabelMap map = new LabelMap(3, 1, new int[] {1, 0, 3});
        ShapeDescriptors shapes = ShapeDescriptors.of(map);
        assertTrue(shapes.present(1));
        assertTrue(shapes.present(3));
        assertFalse(shapes.present(2));
        assertNull(shapes.shape(2));
        assertFalse(shapes.present(0), "background is no object");
        assertFalse(shapes.present(4));
        assertFalse(shapes.present(-1));
        assertEquals(2, shapes.shapes().size());
        assertEquals(3, shapes.shapes().get(1).label());
        assertTrue(ShapeDescriptors.of(LabelMap.empty(2, 2)).shapes().isEmpty());
    }

    @Test
    void negativeLabelsAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ShapeDescriptors.of(new LabelMap(2, 1, new int[] {0, -4})));
        assertEquals("negative label -4 at index 1", e.getMessage());
    }
}
