package fluffy.core.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Outlines along pixel edges: filling the polygons gives back exactly the object's pixels, shells and holes
 * turn opposite ways, rings are simple with only corner vertices, and objects touching only at a corner
 * come out as separate parts.
 */
class ObjectOutlinesTest {

    @Test
    void aSquareIsOneShellOfFourCornersClockwiseOnScreen() {
        LabelMap map = parse("""
                .....
                .111.
                .111.
                .....
                """);
        List<ObjectOutlines.Polygon> parts = outlines(map, 1);
        assertEquals(1, parts.size());
        assertEquals(List.of(), parts.get(0).holes());
        // From the top-left corner to the right along the top: clockwise with y pointing down.
        assertEquals(List.of(1, 1, 4, 1, 4, 3, 1, 3), toList(rotateToMin(parts.get(0).shell().xy())));
        assertEquals(6.0, parts.get(0).shell().signedArea());
    }

    @Test
    void aRingHasOneShellAndOneHole() {
        LabelMap map = parse("""
                11111
                1...1
                1...1
                11111
                """);
        List<ObjectOutlines.Polygon> parts = outlines(map, 1);
        assertEquals(1, parts.size());
        assertEquals(1, parts.get(0).holes().size());
        assertEquals(20.0, parts.get(0).shell().signedArea());
        assertEquals(-6.0, parts.get(0).holes().get(0).signedArea());
        assertFills(map, 1, parts);
    }

    @Test
    void pixelsTouchingOnlyAtACornerAreSeparatePartsMeetingThere() {
        LabelMap map = parse("""
                1.
                .1
                """);
        List<ObjectOutlines.Polygon> parts = outlines(map, 1);
        assertEquals(2, parts.size(), "4-connected parts");
        assertFills(map, 1, parts);
    }

    @Test
    void aHoleOfTwoDiagonalPixelsIsTwoHolesAndAShapeClosingOnACornerEnclosesAHole() {
        LabelMap holes = parse("""
                1111
                1.11
                11.1
                1111
                """);
        List<ObjectOutlines.Polygon> parts = outlines(holes, 1);
        assertEquals(1, parts.size());
        assertEquals(2, parts.get(0).holes().size(), "each ring simple: two holes meeting at a corner");
        assertFills(holes, 1, parts);

        LabelMap c = parse("""
                .111
                1..1
                1..1
                1111
                """);
        parts = outlines(c, 1);
        assertEquals(1, parts.size());
        assertEquals(1, parts.get(0).holes().size(), "the shell touching itself at a corner encloses a hole");
        assertFills(c, 1, parts);
    }

    @Test
    void randomLabelMapsAreOutlinedExactly() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            int w = 6 + random.nextInt(20);
            int h = 6 + random.nextInt(20);
            int[] labels = new int[w * h];
            for (int i = 0; i < labels.length; i++) {
                // Few labels, dense: many holes, diagonal contacts, parts and neighbours touching.
                labels[i] = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3);
            }
            LabelMap map = new LabelMap(w, h, labels);
            for (int label = 1; label <= 3; label++) {
                List<ObjectOutlines.Polygon> parts = outlines(map, label);
                assertFills(map, label, parts);
                for (ObjectOutlines.Polygon p : parts) {
                    assertSimpleWithCornersOnly(p.shell());
                    assertTrue(p.shell().signedArea() > 0);
                    for (ObjectOutlines.Ring hole : p.holes()) {
                        assertSimpleWithCornersOnly(hole);
                        assertTrue(hole.signedArea() < 0);
                    }
                }
            }
        }
    }

    /** Every pixel centre is inside the polygons (shell, not in a hole) exactly when it has the label. */
    private static void assertFills(LabelMap map, int label, List<ObjectOutlines.Polygon> parts) {
        long area = 0;
        for (ObjectOutlines.Polygon p : parts) {
            area += Math.round(p.shell().signedArea());
            for (ObjectOutlines.Ring hole : p.holes()) {
                area += Math.round(hole.signedArea());
            }
        }
        long pixels = 0;
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                double cx = x + 0.5;
                double cy = y + 0.5;
                boolean inside = parts.stream().anyMatch(p -> p.shell().contains(cx, cy)
                        && p.holes().stream().noneMatch(r -> r.contains(cx, cy)));
                boolean has = map.get(x, y) == label;
                pixels += has ? 1 : 0;
                assertEquals(has, inside, "pixel " + x + "," + y + " of label " + label + " in\n" + map);
            }
        }
        assertEquals(pixels, area, "shell areas minus hole areas are the pixel count");
    }

    private static void assertSimpleWithCornersOnly(ObjectOutlines.Ring ring) {
        int[] xy = ring.xy();
        int n = ring.vertices();
        assertTrue(n >= 4, "a ring has at least four corners");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            assertTrue(seen.add(((long) xy[2 * i] << 32) | xy[2 * i + 1]), "no vertex twice");
            int p = (i + n - 1) % n;
            int q = (i + 1) % n;
            long cross = (long) (xy[2 * i] - xy[2 * p]) * (xy[2 * q + 1] - xy[2 * i + 1])
                    - (long) (xy[2 * i + 1] - xy[2 * p + 1]) * (xy[2 * q] - xy[2 * i]);
            assertTrue(cross != 0, "every vertex is a corner");
            assertTrue(xy[2 * i] == xy[2 * q] || xy[2 * i + 1] == xy[2 * q + 1], "edges follow pixel edges");
        }
    }

    private static List<ObjectOutlines.Polygon> outlines(LabelMap map, int label) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                if (map.get(x, y) == label) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? List.of() : ObjectOutlines.of(map, label, minX, minY, maxX, maxY);
    }

    private static LabelMap parse(String text) {
        String[] rows = text.strip().split("\n");
        int w = rows[0].length();
        int[] labels = new int[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                labels[y * w + x] = c == '.' ? 0 : c - '0';
            }
        }
        return new LabelMap(w, rows.length, labels);
    }

    private static int[] rotateToMin(int[] xy) {
        int best = 0;
        for (int i = 2; i < xy.length; i += 2) {
            if (xy[i + 1] < xy[best + 1] || xy[i + 1] == xy[best + 1] && xy[i] < xy[best]) {
                best = i;
            }
        }
        int[] r = new int[xy.length];
        for (int i = 0; i < xy.length; i++) {
            r[i] = xy[(best + i) % xy.length];
        }
        return r;
    }

    private static List<Integer> toList(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
