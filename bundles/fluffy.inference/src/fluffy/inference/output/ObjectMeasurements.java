package fluffy.inference.output;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;

/**
 * Per-object measurements of one label map on its image, one CSV row per object: area in pixels,
 * centroid, bounding box (x, y, width, height; pixel units, origin top left) and mean raw intensity.
 * One pass over the pixels with arrays indexed by label.
 */
public final class ObjectMeasurements {

    public static final String HEADER = "z,t,label,area,centroid_x,centroid_y,bbox_x,bbox_y,bbox_width,bbox_height,"
            + "mean_intensity";

    private ObjectMeasurements() {
    }

    /**
     * Writes a row per object; {@code z} and {@code t} (1-based) place it in a hyperstack.
     *
     * @return how many objects there are
     */
    public static int write(Writer out, LabelMap labels, Plane image, int z, int t) throws IOException {
        int n = labels.maxLabel() + 1;
        long[] area = new long[n];
        double[] sumX = new double[n];
        double[] sumY = new double[n];
        double[] sumI = new double[n];
        int[] minX = filled(n, Integer.MAX_VALUE);
        int[] minY = filled(n, Integer.MAX_VALUE);
        int[] maxX = filled(n, -1);
        int[] maxY = filled(n, -1);
        int w = labels.width();
        int[] l = labels.labels();
        float[] data = image.data();
        for (int i = 0; i < l.length; i++) {
            int k = l[i];
            if (k != 0) {
                int x = i % w;
                int y = i / w;
                area[k]++;
                sumX[k] += x;
                sumY[k] += y;
                sumI[k] += data[i];
                minX[k] = Math.min(minX[k], x);
                minY[k] = Math.min(minY[k], y);
                maxX[k] = Math.max(maxX[k], x);
                maxY[k] = Math.max(maxY[k], y);
            }
        }
        int objects = 0;
        for (int k = 1; k < n; k++) {
            if (area[k] > 0) {
                objects++;
                out.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%.3f,%.3f,%d,%d,%d,%d,%.4f%n", z, t, k, area[k],
                        sumX[k] / area[k], sumY[k] / area[k], minX[k], minY[k], maxX[k] - minX[k] + 1,
                        maxY[k] - minY[k] + 1, sumI[k] / area[k]));
            }
        }
        return objects;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
