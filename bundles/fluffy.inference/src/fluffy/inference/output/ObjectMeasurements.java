package fluffy.inference.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ShapeDescriptors;

/**
 * Per-object measurements of one label map on its image: area in pixels, centroid, bounding box (x, y,
 * width, height; pixel units, origin top left), mean raw intensity, from one pass over the pixels with
 * arrays indexed by label, and the shape descriptors of {@link ShapeDescriptors} (perimeter, circularity,
 * solidity, major and minor axis length, eccentricity, orientation in degrees), named as scikit-image's
 * {@code regionprops} names them. The same values go to {@code <stem>_objects.csv} (a row per object) and to the
 * GeoJSON features' measurements, under the same names.
 */
public final class ObjectMeasurements {

    /** The measurement columns, in CSV order after {@code z,t,label}. */
    public static final List<String> COLUMNS = List.of("area", "centroid_x", "centroid_y", "bbox_x", "bbox_y",
            "bbox_width", "bbox_height", "mean_intensity", "perimeter", "circularity", "solidity",
            "major_axis_length", "minor_axis_length", "eccentricity", "orientation");

    public static final String HEADER = "z,t,label," + String.join(",", COLUMNS);

    /**
     * The columns in micrometres added after {@link #COLUMNS} when the image's pixel size is known: area and
     * centroid always; perimeter and axis lengths only for square pixels (with others they are no single
     * length scale, so left empty).
     */
    public static final List<String> PHYSICAL_COLUMNS = List.of("area_um2", "centroid_x_um", "centroid_y_um",
            "perimeter_um", "major_axis_length_um", "minor_axis_length_um");

    /** The CSV header: {@link #HEADER}, and the physical columns when the pixel size is known. */
    public static String header(fluffy.io.PixelSize size) {
        return size.known() ? HEADER + "," + String.join(",", PHYSICAL_COLUMNS) : HEADER;
    }

    private int[] present;
    private boolean intensities;
    private ShapeDescriptors shapes;
    private final long[] area;
    private final double[] sumX;
    private final double[] sumY;
    private final double[] sumI;
    private final int[] minX;
    private final int[] minY;
    private final int[] maxX;
    private final int[] maxY;

    private ObjectMeasurements(int n) {
        area = new long[n];
        sumX = new double[n];
        sumY = new double[n];
        sumI = new double[n];
        minX = filled(n, Integer.MAX_VALUE);
        minY = filled(n, Integer.MAX_VALUE);
        maxX = filled(n, -1);
        maxY = filled(n, -1);
    }

    /**
     * Measures every object of {@code labels} on {@code image} (the raw intensities; null when the image is
     * not at hand: the mean intensity is then unknown, NaN).
     */
    public static ObjectMeasurements of(LabelMap labels, Plane image) {
        int n = labels.maxLabel() + 1;
        ObjectMeasurements m = new ObjectMeasurements(n);
        int w = labels.width();
        int[] l = labels.labels();
        m.intensities = image != null;
        float[] data = image != null ? image.data() : new float[l.length];
        for (int i = 0; i < l.length; i++) {
            int k = l[i];
            if (k != 0) {
                int x = i % w;
                int y = i / w;
                m.area[k]++;
                m.sumX[k] += x;
                m.sumY[k] += y;
                m.sumI[k] += data[i];
                m.minX[k] = Math.min(m.minX[k], x);
                m.minY[k] = Math.min(m.minY[k], y);
                m.maxX[k] = Math.max(m.maxX[k], x);
                m.maxY[k] = Math.max(m.maxY[k], y);
            }
        }
        List<Integer> found = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            if (m.area[k] > 0) {
                found.add(k);
            }
        }
        m.present = found.stream().mapToInt(Integer::intValue).toArray();
        m.shapes = ShapeDescriptors.of(labels);
        return m;
    }

    /** The labels that occur, in increasing order. */
    public int[] labels() {
        return present.clone();
    }

    public int count() {
        return present.length;
    }

    /** The bounding box of {@code label}: minimum and maximum x and y, inclusive pixel indices. */
    public int[] box(int label) {
        return new int[] {minX[label], minY[label], maxX[label], maxY[label]};
    }

    /** The values of {@link #COLUMNS} for {@code label}; whole numbers where the column counts pixels. */
    public Number[] values(int label) {
        long a = area[label];
        ShapeDescriptors.Shape shape = shapes.shape(label);
        return new Number[] {a, sumX[label] / a, sumY[label] / a, minX[label], minY[label],
            maxX[label] - minX[label] + 1, maxY[label] - minY[label] + 1, intensities ? sumI[label] / a : Double.NaN,
            shape.perimeter(), shape.circularity(), shape.solidity(), shape.majorAxisLength(),
            shape.minorAxisLength(), shape.eccentricity(), shape.orientation()};
    }

    /**
     * {@link #values(int)} of an object measured in a part of a larger image that lies at ({@code dx}, {@code dy}):
     * centroid and bounding box as in the image.
     */
    public Number[] values(int label, int dx, int dy) {
        Number[] v = values(label);
        if (dx != 0 || dy != 0) {
            v[1] = v[1].doubleValue() + dx;
            v[2] = v[2].doubleValue() + dy;
            v[3] = v[3].intValue() + dx;
            v[4] = v[4].intValue() + dy;
        }
        return v;
    }

    /** The value as written: integers as they are, centroids to 3 decimals, others to 4; unknown (NaN) empty. */
    static String format(int column, Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        double v = value.doubleValue();
        if (Double.isNaN(v)) {
            return "";
        }
        boolean centroid = COLUMNS.get(column).startsWith("centroid");
        // What rounds to zero is written as 0, never as -0.0000 (an orientation of -1e-15 degrees, say).
        return String.format(Locale.ROOT, centroid ? "%.3f" : "%.4f", Math.abs(v) < (centroid ? 5e-4 : 5e-5) ? 0 : v);
    }

    /** Writes a CSV row per object; {@code z} and {@code t} (1-based) place it in a hyperstack. */
    public void writeCsv(Writer out, int z, int t) throws IOException {
        writeCsv(out, z, t, fluffy.io.PixelSize.UNKNOWN);
    }

    /** The same, with the {@link #PHYSICAL_COLUMNS} when {@code size} is known. */
    public void writeCsv(Writer out, int z, int t, fluffy.io.PixelSize size) throws IOException {
        writeCsv(out, z, t, size, 0, 0, 0);
    }

    /**
     * The same for objects measured in a part of a larger image: the part lies at ({@code dx}, {@code dy}) and
     * its label k is the image's {@code k + labelOffset}; positions and labels are written as in the image.
     */
    public void writeCsv(Writer out, int z, int t, fluffy.io.PixelSize size, int dx, int dy, int labelOffset)
            throws IOException {
        StringBuilder row = new StringBuilder();
        boolean square = size.known() && Math.abs(size.x() - size.y()) <= 1e-6 * Math.max(size.x(), size.y());
        for (int k : present) {
            row.setLength(0);
            row.append(z).append(',').append(t).append(',').append(k + labelOffset);
            Number[] v = values(k, dx, dy);
            for (int c = 0; c < v.length; c++) {
                row.append(',').append(format(c, v[c]));
            }
            if (size.known()) {
                double length = square ? size.x() : Double.NaN;
                double[] physical = {v[0].doubleValue() * size.x() * size.y(), v[1].doubleValue() * size.x(),
                    v[2].doubleValue() * size.y(), v[8].doubleValue() * length, v[11].doubleValue() * length,
                    v[12].doubleValue() * length};
                for (double p : physical) {
                    row.append(',').append(Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.6g", p));
                }
            }
            out.write(row.append('\n').toString());
        }
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
