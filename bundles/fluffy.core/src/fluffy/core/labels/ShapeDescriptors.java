package fluffy.core.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape descriptors of every object of a label map, named and defined as scikit-image's {@code regionprops}
 * names them (checked against scikit-image 0.19.3), so that tables line up with those of scikit-image and
 * CellProfiler users. An object is every pixel of one label; pixels of other labels, and pixels outside the
 * image, are background to it, so touching objects are measured separately.
 *
 * <p>Everything is computed in two passes over the map plus work proportional to each object's rows, so a map
 * of 100,000 objects on 8192 x 8192 pixels never scans the image once per object. Results are held in arrays
 * indexed by label, as {@link ObjectSizes} does, so very large sparse labels cost memory (relabel first), plus
 * three ints for every row of every object.
 */
public final class ShapeDescriptors {

    /**
     * The shape of one object.
     *
     * @param label the object's label
     * @param area its pixel count
     * @param perimeter scikit-image's {@code perimeter(image, neighbourhood=4)}: the sum over the object's border
     *        pixels (those with a 4-neighbour outside the object or the image) of a weight looked up by the code
     *        1 + 2 * (4-neighbours that are border pixels too) + 10 * (diagonal neighbours that are): 5, 7, 15,
     *        17, 25 and 27 weigh 1, 21 and 33 sqrt(2), 13 and 23 (1 + sqrt(2)) / 2, any other code 0. So a lone
     *        pixel and a 1 x 2 pair have perimeter 0, and the end pixels of 1-pixel lines add nothing
     * @param circularity CellProfiler's FormFactor {@code 4 pi area / perimeter^2}; 0 when the perimeter is 0
     *        (where CellProfiler divides by zero)
     * @param convexArea scikit-image's {@code area_convex}: the number of pixels whose centres lie inside or on the
     *        convex hull of the midpoints of the object's pixel edges (centre +-0.5 along x or along y, not the
     *        pixel corners), as {@code convex_hull_image} defines it: a diagonal pair of pixels has 2, not 4
     * @param solidity {@code area / convexArea}
     * @param majorAxisLength {@code 4 sqrt(l1)}, l1 the larger eigenvalue of the covariance of the pixel centres
     *        (central second moments divided by the area)
     * @param minorAxisLength {@code 4 sqrt(l2)}, l2 the smaller eigenvalue (never below 0)
     * @param eccentricity {@code sqrt(1 - l2 / l1)}; 0 when l1 is 0
     * @param orientation the angle in degrees, in (-90, 90], from the image x axis to the major axis,
     *        counter-clockwise as seen on screen with y pointing down: a major axis from bottom-left to top-right
     *        is positive, a vertical one is 90. 0 when the object has no major axis (l1 == l2, e.g. a square).
     *        scikit-image's {@code orientation} is instead radians from the row axis; for phi in degrees this is
     *        {@code phi + 90} when {@code phi <= 0} and {@code phi - 90} otherwise, except where scikit-image
     *        0.19.3 (and 0.20, its issue 6815) special-cases exactly equal variances: there it returns +-pi/4
     *        with the wrong sign (an exact top-left to bottom-right diagonal comes out +45 instead of -45), and
     *        pi/4 (-45 here) for objects without a major axis. CellProfiler 4's Orientation is scikit-image's
     *        angle in degrees, from the row axis, whatever its help text says; it is not this one
     */
    public record Shape(int label, long area, double perimeter, double circularity, long convexArea,
            double solidity, double majorAxisLength, double minorAxisLength, double eccentricity,
            double orientation) {
    }

    private static final double SQRT2 = Math.sqrt(2);

    private final Shape[] shapes;

    private ShapeDescriptors(Shape[] shapes) {
        this.shapes = shapes;
    }

    /** Measures every object of the map; a negative label is refused with an IllegalStateException. */
    public static ShapeDescriptors of(LabelMap map) {
        int w = map.width();
        int h = map.height();
        int[] labels = map.labels();
        int n = map.maxLabel() + 1;

        // Pass 1: area, first pixel, last row, how many rows hold the object, second moments and perimeter.
        // Sums are taken relative to each object's first pixel so that they stay exact longs far from the origin.
        long[] area = new long[n];
        int[] x0 = new int[n];
        int[] y0 = new int[n];
        int[] maxY = new int[n];
        int[] rows = new int[n];
        long[] sx = new long[n];
        long[] sy = new long[n];
        long[] sxx = new long[n];
        long[] syy = new long[n];
        long[] sxy = new long[n];
        // Border pixels by weight class: straight runs, diagonal runs, corners.
        int[][] runs = new int[3][n];
        boolean[] above = new boolean[w];
        boolean[] here = new boolean[w];
        boolean[] below = new boolean[w];
        borderRow(map, 0, below);
        for (int y = 0; y < h; y++) {
            boolean[] t = above;
            above = here;
            here = below;
            below = t;
            if (y + 1 < h) {
                borderRow(map, y + 1, below);
            } else {
                Arrays.fill(below, false);
            }
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int l = labels[i];
                if (l == 0) {
                    continue;
                }
                if (l < 0) {
                    throw new IllegalStateException("negative label " + l + " at index " + i);
                }
                if (area[l] == 0) {
                    x0[l] = x;
                    y0[l] = y;
                }
                if (area[l] == 0 || maxY[l] != y) {
                    rows[l]++;
                    maxY[l] = y;
                }
                area[l]++;
                long dx = x - x0[l];
                long dy = y - y0[l];
                sx[l] += dx;
                sy[l] += dy;
                sxx[l] += dx * dx;
                syy[l] += dy * dy;
                sxy[l] += dx * dy;
                if (here[x]) {
                    int k = runClass(map, above, here, below, x, y, l);
                    if (k >= 0) {
                        runs[k][l]++;
                    }
                }
            }
        }

        // Pass 2: the leftmost and rightmost pixel of each row of each object, all the convex hull needs.
        int[] start = new int[n + 1];
        for (int l = 0; l < n; l++) {
            start[l + 1] = start[l] + rows[l];
        }
        int[] rowY = new int[start[n]];
        int[] rowLeft = new int[start[n]];
        int[] rowRight = new int[start[n]];
        int[] cursor = new int[n];
        for (int l = 0; l < n; l++) {
            cursor[l] = start[l] - 1;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = labels[y * w + x];
                if (l == 0) {
                    continue;
                }
                int c = cursor[l];
                if (c < start[l] || rowY[c] != y) {
                    c = ++cursor[l];
                    rowY[c] = y;
                    rowLeft[c] = x;
                }
                rowRight[c] = x;
            }
        }

        Shape[] shapes = new Shape[n];
        for (int l = 1; l < n; l++) {
            if (area[l] == 0) {
                continue;
            }
            double m = area[l];
            double perimeter = runs[0][l] + runs[1][l] * SQRT2 + runs[2][l] * (1 + SQRT2) / 2;
            double circularity = perimeter == 0 ? 0 : 4 * Math.PI * m / (perimeter * perimeter);
            long convexArea = convexArea(rowY, rowLeft, rowRight, start[l], start[l + 1], y0[l], maxY[l]);
            // m * sxx - sx * sx is exact in doubles for all but huge objects, so symmetric objects get exactly
            // equal variances and a covariance of exactly 0.
            double m2 = m * m;
            double cxx = (m * sxx[l] - (double) sx[l] * sx[l]) / m2;
            double cyy = (m * syy[l] - (double) sy[l] * sy[l]) / m2;
            double cxy = (m * sxy[l] - (double) sx[l] * sy[l]) / m2;
            double mean = (cxx + cyy) / 2;
            double half = Math.hypot((cxx - cyy) / 2, cxy);
            double l1 = Math.max(0, mean + half);
            double l2 = Math.max(0, mean - half);
            double eccentricity = l1 == 0 ? 0 : Math.sqrt(1 - l2 / l1);
            shapes[l] = new Shape(l, area[l], perimeter, circularity, convexArea, m / convexArea,
                    4 * Math.sqrt(l1), 4 * Math.sqrt(l2), eccentricity, orientation(cxx, cyy, cxy));
        }
        return new ShapeDescriptors(shapes);
    }

    /** Whether the label occurs in the map. */
    public boolean present(int label) {
        return shape(label) != null;
    }

    /** The shape of the object of this label, or null when the label does not occur in the map. */
    public Shape shape(int label) {
        return label > 0 && label < shapes.length ? shapes[label] : null;
    }

    /** The shapes of all objects, by increasing label. */
    public List<Shape> shapes() {
        List<Shape> all = new ArrayList<>();
        for (Shape s : shapes) {
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }

    /** Marks the pixels of row y whose object loses them to an erosion by the 4-connected cross. */
    private static void borderRow(LabelMap map, int y, boolean[] out) {
        int w = map.width();
        int h = map.height();
        for (int x = 0; x < w; x++) {
            int l = map.get(x, y);
            out[x] = l != 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || map.get(x - 1, y) != l
                    || map.get(x + 1, y) != l || map.get(x, y - 1) != l || map.get(x, y + 1) != l);
        }
    }

    /**
     * The weight class of border pixel (x, y) of label l, from scikit-image's code: 1 for itself, 2 for each
     * 4-neighbour and 10 for each diagonal neighbour that is a border pixel of the same object. Codes 5, 7, 15,
     * 17, 25, 27 are straight runs (class 0, weight 1), 21 and 33 diagonal runs (class 1, sqrt 2), 13 and 23
     * corners (class 2, (1 + sqrt 2) / 2); any other code weighs nothing (-1).
     */
    private static int runClass(LabelMap map, boolean[] above, boolean[] here, boolean[] below, int x, int y,
            int l) {
        int code = 1;
        for (int dy = -1; dy <= 1; dy++) {
            boolean[] row = dy < 0 ? above : dy == 0 ? here : below;
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                if ((dx != 0 || dy != 0) && nx >= 0 && nx < row.length && row[nx] && map.get(nx, y + dy) == l) {
                    code += dx != 0 && dy != 0 ? 10 : 2;
                }
            }
        }
        return switch (code) {
            case 5, 7, 15, 17, 25, 27 -> 0;
            case 21, 33 -> 1;
            case 13, 23 -> 2;
            default -> -1;
        };
    }

    /**
     * The pixels whose centres lie inside or on the convex hull of the edge midpoints of the object's pixels,
     * given as the leftmost and rightmost pixel of each of its rows [from, to), by increasing row. Coordinates
     * are doubled so that every point is an integer and both the hull and the test of each centre are exact.
     */
    private static long convexArea(int[] rowY, int[] left, int[] right, int from, int to, int minY, int maxY) {
        // Only the outer edge midpoints of each row's end pixels can be hull points. They are generated in
        // (Y, X) order, as the monotone chain wants them: the bottom midpoints of one row share Y with the top
        // ones of the next, so only the outermost of those four are kept.
        long[] px = new long[6 * (to - from)];
        long[] py = new long[px.length];
        int k = 0;
        for (int r = from; r < to; r++) {
            long y2 = 2L * rowY[r];
            long l2 = 2L * left[r];
            long r2 = 2L * right[r];
            boolean joinsPrevious = r > from && rowY[r - 1] == rowY[r] - 1;
            long top0 = joinsPrevious ? Math.min(l2, 2L * left[r - 1]) : l2;
            long top1 = joinsPrevious ? Math.max(r2, 2L * right[r - 1]) : r2;
            px[k] = top0;
            py[k++] = y2 - 1;
            px[k] = top1;
            py[k++] = y2 - 1;
            px[k] = l2 - 1;
            py[k++] = y2;
            px[k] = r2 + 1;
            py[k++] = y2;
            if (r + 1 == to || rowY[r + 1] != rowY[r] + 1) {
                px[k] = l2;
                py[k++] = y2 + 1;
                px[k] = r2;
                py[k++] = y2 + 1;
            }
        }
        // Andrew's monotone chain, one half after the other; collinear and repeated points are dropped.
        long[] hx = new long[2 * k];
        long[] hy = new long[2 * k];
        int size = 0;
        for (int pass = 0; pass < 2; pass++) {
            int base = size;
            for (int i = 0; i < k; i++) {
                int j = pass == 0 ? i : k - 1 - i;
                while (size >= base + 2 && (hx[size - 1] - hx[size - 2]) * (py[j] - hy[size - 2])
                        - (hy[size - 1] - hy[size - 2]) * (px[j] - hx[size - 2]) <= 0) {
                    size--;
                }
                hx[size] = px[j];
                hy[size++] = py[j];
            }
            size--; // each half's last point is the other half's first
        }

        // Each pixel row, at Y = 2y, meets the hull in one interval; count the centres 2x in it.
        int height = maxY - minY + 1;
        long[] lo = new long[height];
        long[] hi = new long[height];
        Arrays.fill(lo, Long.MAX_VALUE);
        Arrays.fill(hi, Long.MIN_VALUE);
        for (int i = 0; i < size; i++) {
            int j = (i + 1) % size;
            long den = hy[j] - hy[i];
            if (den == 0) {
                continue; // a horizontal edge's ends are ends of the neighbouring edges too
            }
            for (long y = Math.ceilDiv(Math.min(hy[i], hy[j]), 2); 2 * y <= Math.max(hy[i], hy[j]); y++) {
                // The edge crosses the row at X = num / d, exactly.
                long num = hx[i] * den + (2 * y - hy[i]) * (hx[j] - hx[i]);
                long d = den;
                if (d < 0) {
                    num = -num;
                    d = -d;
                }
                int row = (int) (y - minY);
                lo[row] = Math.min(lo[row], -Math.floorDiv(-num, 2 * d));
                hi[row] = Math.max(hi[row], Math.floorDiv(num, 2 * d));
            }
        }
        long count = 0;
        for (int row = 0; row < height; row++) {
            count += Math.max(0, hi[row] - lo[row] + 1);
        }
        return count;
    }

    /** The angle of the major axis from the x axis, on screen, in degrees in (-90, 90]; see {@link Shape}. */
    private static double orientation(double cxx, double cyy, double cxy) {
        if (cxx == cyy && cxy == 0) {
            return 0;
        }
        // y points down, so the on-screen angle is minus the angle in image coordinates.
        double degrees = Math.toDegrees(0.5 * Math.atan2(-2 * cxy, cxx - cyy));
        return degrees <= -90 ? degrees + 180 : degrees;
    }
}
