package fluffy.core.labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outlines of one object of a label map as polygons along pixel edges: every part of the object is a
 * shell with its holes, in pixel coordinates (x right, y down; the pixel at column x covers x..x+1).
 * Polygons are valid in the OGC sense, which GeoJSON readers (QuPath's among them) expect: rings are
 * closed and simple, two parts or a hole and its shell meet at most in single points (where pixels touch
 * only at a corner, the object is split there, as 4-connected parts), and no vertex lies on a straight
 * run. Shells turn one way and holes the other: with y pointing down they run clockwise on screen, which
 * is counter-clockwise in the plane of the numbers (x right, y up), as RFC 7946 asks of exterior rings.
 * Tracing an outline along pixel edges keeps the object's area exactly: a shell's area minus its holes'
 * is the pixel count.
 */
public final class ObjectOutlines {

    /** A closed ring as x0, y0, x1, y1, ...; the first vertex is not repeated at the end. */
    public record Ring(int[] xy) {

        public int vertices() {
            return xy.length / 2;
        }

        /** The signed area by the shoelace formula: positive for shells, negative for holes. */
        public double signedArea() {
            long twice = 0;
            int n = vertices();
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                twice += (long) xy[2 * i] * xy[2 * j + 1] - (long) xy[2 * j] * xy[2 * i + 1];
            }
            return twice / 2.0;
        }

        /** Whether the point lies inside (never called for points on the ring: pixel centres are off it). */
        boolean contains(double px, double py) {
            boolean inside = false;
            int n = vertices();
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = xy[2 * i];
                double yi = xy[2 * i + 1];
                double xj = xy[2 * j];
                double yj = xy[2 * j + 1];
                if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    /** One part of an object: its outer ring and the rings of its holes. */
    public record Polygon(Ring shell, List<Ring> holes) {
    }

    private ObjectOutlines() {
    }

    /**
     * The polygons of {@code label} within its bounding box {@code minX..maxX, minY..maxY} (inclusive pixel
     * indices); empty when the label does not occur there.
     */
    public static List<Polygon> of(LabelMap map, int label, int minX, int minY, int maxX, int maxY) {
        int w = maxX - minX + 1;
        int h = maxY - minY + 1;
        // The object's pixels in its box, with a background margin of one so edges need no bounds checks.
        boolean[] in = new boolean[(w + 2) * (h + 2)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                in[(y + 1) * (w + 2) + x + 1] = map.get(minX + x, minY + y) == label;
            }
        }
        List<Ring> rings = new ArrayList<>();
        for (int[] ring : trace(in, w, h)) {
            for (int[] simple : splitAtRepeatedVertices(ring)) {
                int[] xy = withoutStraightRuns(simple);
                for (int i = 0; i < xy.length; i += 2) {
                    xy[i] += minX;
                    xy[i + 1] += minY;
                }
                rings.add(new Ring(xy));
            }
        }
        return assemble(rings, map, label, minX, minY);
    }

    /**
     * Every boundary edge of the pixels, directed so that the object is on its right on screen (clockwise
     * around a pixel: along the top to the right, down the right side, ...), linked into closed rings.
     * Vertices are corner coordinates relative to the box. Where two edges leave a corner (pixels touching
     * only diagonally there), the one turning right is taken: it stays with the pixel the ring came along,
     * so diagonal neighbours are not joined.
     */
    private static List<int[]> trace(boolean[] in, int w, int h) {
        int stride = w + 2;
        // Outgoing edges by start corner: corner (x, y) keyed as y * (w + 1) + x; direction 0 right, 1 down,
        // 2 left, 3 up. A corner has at most two outgoing edges.
        Map<Integer, int[]> outgoing = new HashMap<>();
        int edges = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y + 1) * stride + x + 1;
                if (!in[p]) {
                    continue;
                }
                if (!in[p - stride]) {
                    edges += add(outgoing, w, x, y, 0);
                }
                if (!in[p + 1]) {
                    edges += add(outgoing, w, x + 1, y, 1);
                }
                if (!in[p + stride]) {
                    edges += add(outgoing, w, x + 1, y + 1, 2);
                }
                if (!in[p - 1]) {
                    edges += add(outgoing, w, x, y + 1, 3);
                }
            }
        }
        List<int[]> rings = new ArrayList<>();
        int[] dx = {1, 0, -1, 0};
        int[] dy = {0, 1, 0, -1};
        while (edges > 0) {
            Map.Entry<Integer, int[]> first = outgoing.entrySet().iterator().next();
            int key = first.getKey();
            int x = key % (w + 1);
            int y = key / (w + 1);
            boolean startHadTwo = first.getValue()[1] >= 0;
            int firstDir = take(outgoing, key, -1);
            int dir = firstDir;
            edges--;
            List<Integer> ring = new ArrayList<>();
            int startX = x;
            int startY = y;
            while (true) {
                ring.add(x);
                ring.add(y);
                x += dx[dir];
                y += dy[dir];
                // Back at the start corner the ring closes, unless the corner had two edges and this arrival
                // pairs with the other one (its right turn), which the ring goes on along.
                if (x == startX && y == startY && (!startHadTwo || (dir + 1) % 4 == firstDir)) {
                    break;
                }
                dir = take(outgoing, y * (w + 1) + x, dir);
                edges--;
            }
            rings.add(ring.stream().mapToInt(Integer::intValue).toArray());
        }
        return rings;
    }

    private static int add(Map<Integer, int[]> outgoing, int w, int x, int y, int dir) {
        int[] dirs = outgoing.computeIfAbsent(y * (w + 1) + x, k -> new int[] {-1, -1});
        dirs[dirs[0] < 0 ? 0 : 1] = dir;
        return 1;
    }

    /**
     * Removes and returns an outgoing edge of the corner: the right turn from {@code arriving} when there are
     * two, any when {@code arriving} is negative; -1 when the corner has none left.
     */
    private static int take(Map<Integer, int[]> outgoing, int key, int arriving) {
        int[] dirs = outgoing.get(key);
        if (dirs == null) {
            return -1;
        }
        int pick = 0;
        if (dirs[1] >= 0 && arriving >= 0) {
            int right = (arriving + 1) % 4;
            pick = dirs[0] == right ? 0 : dirs[1] == right ? 1 : 0;
        }
        int dir = dirs[pick];
        if (pick == 0) {
            dirs[0] = dirs[1];
        }
        dirs[1] = -1;
        if (dirs[0] < 0) {
            outgoing.remove(key);
        }
        return dir;
    }

    /** A ring that passes a corner twice becomes two rings meeting there (both simple), recursively. */
    private static List<int[]> splitAtRepeatedVertices(int[] ring) {
        int n = ring.length / 2;
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long key = ((long) ring[2 * i] << 32) | (ring[2 * i + 1] & 0xffffffffL);
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                int[] loop = java.util.Arrays.copyOfRange(ring, 2 * earlier, 2 * i);
                int[] rest = new int[ring.length - loop.length];
                System.arraycopy(ring, 0, rest, 0, 2 * earlier);
                System.arraycopy(ring, 2 * i, rest, 2 * earlier, ring.length - 2 * i);
                List<int[]> parts = new ArrayList<>(splitAtRepeatedVertices(loop));
                parts.addAll(splitAtRepeatedVertices(rest));
                return parts;
            }
        }
        return List.of(ring);
    }

    /** Drops the vertices in the middle of straight runs: only the corners of the outline stay. */
    private static int[] withoutStraightRuns(int[] ring) {
        int n = ring.length / 2;
        int[] kept = new int[ring.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int p = (i + n - 1) % n;
            int q = (i + 1) % n;
            long cross = (long) (ring[2 * i] - ring[2 * p]) * (ring[2 * q + 1] - ring[2 * i + 1])
                    - (long) (ring[2 * i + 1] - ring[2 * p + 1]) * (ring[2 * q] - ring[2 * i]);
            if (cross != 0) {
                kept[k++] = ring[2 * i];
                kept[k++] = ring[2 * i + 1];
            }
        }
        return java.util.Arrays.copyOf(kept, k);
    }

    /**
     * Shells (positive area) each with the holes inside them: a hole belongs to the smallest shell that
     * contains the centre of a pixel of the object just beside the hole.
     */
    private static List<Polygon> assemble(List<Ring> rings, LabelMap map, int label, int minX, int minY) {
        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Ring r : rings) {
            (r.signedArea() > 0 ? shells : holes).add(r);
        }
        shells.sort(java.util.Comparator.comparingDouble(Ring::signedArea));
        List<List<Ring>> holesOf = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            holesOf.add(new ArrayList<>());
        }
        for (Ring hole : holes) {
            double[] inside = besideHole(hole);
            for (int i = 0; i < shells.size(); i++) {
                if (shells.get(i).contains(inside[0], inside[1])) {
                    holesOf.get(i).add(hole);
                    break;
                }
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = shells.size() - 1; i >= 0; i--) {
            polygons.add(new Polygon(shells.get(i), List.copyOf(holesOf.get(i))));
        }
        return polygons;
    }

    /**
     * The centre of the object pixel on the right of the hole ring's first edge (edges keep the object on
     * their right, holes included).
     */
    private static double[] besideHole(Ring hole) {
        int x0 = hole.xy()[0];
        int y0 = hole.xy()[1];
        int x1 = hole.xy()[2];
        int y1 = hole.xy()[3];
        double mx = (x0 + x1) / 2.0;
        double my = (y0 + y1) / 2.0;
        double dx = Math.signum(x1 - x0);
        double dy = Math.signum(y1 - y0);
        // Right of the direction (dx, dy) on screen (y down) is (-dy, dx).
        return new double[] {mx - 0.5 * dy, my + 0.5 * dx};
    }
}
