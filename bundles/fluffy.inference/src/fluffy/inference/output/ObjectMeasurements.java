package fluffy.inference.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;

/**
 * Per-object measurements of one label map on its image: area in pixels, centroid, bounding box (x, y,
 * width, height; pixel units, origin top left) and mean raw intensity, from one pass over the pixels with
 * arrays indexed by label. The same values go to {@code <stem>_objects.csv} (a row per object) and to the
 * GeoJSON features' measurements, under the same names.
 */
public final class ObjectMeasurements {

    /** The measurement columns, in CSV order after {@code z,t,label}. */
    public static final List<String> COLUMNS = List.of("area", "centroid_x", "centroid_y", "bbox_x", "bbox_y",
            "bbox_width", "bbox_height", "mean_intensity");

    public static final String HEADER = "z,t,label," + String.join(",", COLUMNS);

    private int[] present;
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

    /** Measures every object of {@code labels} on {@code image} (the raw intensities). */
    public static ObjectMeasurements of(LabelMap labels, Plane image) {
        int n = labels.maxLabel() + 1;
        ObjectMeasurements m = new ObjectMeasurements(n);
        int w = labels.width();
        int[] l = labels.labels();
        float[] data = image.data();
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
        return new Number[] {a, sumX[label] / a, sumY[label] / a, minX[label], minY[label],
            maxX[label] - minX[label] + 1, maxY[label] - minY[label] + 1, sumI[label] / a};
    }

    /** The value as written: integers as they are, centroids to 3 decimals, intensities to 4. */
    static String format(int column, Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        return String.format(Locale.ROOT, COLUMNS.get(column).startsWith("centroid") ? "%.3f" : "%.4f",
                value.doubleValue());
    }

    /** Writes a CSV row per object; {@code z} and {@code t} (1-based) place it in a hyperstack. */
    public void writeCsv(Writer out, int z, int t) throws IOException {
        StringBuilder row = new StringBuilder();
        for (int k : present) {
            row.setLength(0);
            row.append(z).append(',').append(t).append(',').append(k);
            Number[] v = values(k);
            for (int c = 0; c < v.length; c++) {
                row.append(',').append(format(c, v[c]));
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
