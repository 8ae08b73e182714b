package fluffy.core.morphology;

/**
 * Exact Euclidean distance transform (Felzenszwalb and Huttenlocher's lower envelope of parabolas, one pass
 * over the columns and one over the rows): for every pixel, the squared distance to the nearest pixel
 * that is not inside. Pixels beyond the array are not counted as outside, so a region cut by the array's
 * edge is measured as if it went on; a region without any outside pixel gets {@link #FAR}.
 */
public final class DistanceTransform {

    /** The squared distance of pixels that have no outside pixel in the array. */
    public static final double FAR = 1e20;

    private DistanceTransform() {
    }

    public static double[] squaredToOutside(boolean[] inside, int width, int height) {
        double[] d = new double[width * height];
        for (int i = 0; i < d.length; i++) {
            d[i] = inside[i] ? FAR : 0;
        }
        int longest = Math.max(width, height);
        double[] f = new double[longest];
        double[] out = new double[longest];
        int[] v = new int[longest];
        double[] z = new double[longest + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                f[y] = d[y * width + x];
            }
            envelope(f, height, out, v, z);
            for (int y = 0; y < height; y++) {
                d[y * width + x] = out[y];
            }
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(d, y * width, f, 0, width);
            envelope(f, width, out, v, z);
            System.arraycopy(out, 0, d, y * width, width);
        }
        return d;
    }

    /** out[q] = min over p of (q − p)² + f[p], for q < n. */
    private static void envelope(double[] f, int n, double[] out, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] >= FAR) {
                continue; // a parabola at infinity never forms part of the envelope
            }
            double s = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
                if (s > z[k]) {
                    break;
                }
                k--;
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            java.util.Arrays.fill(out, 0, n, FAR);
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (z[j + 1] < q) {
                j++;
            }
            double dq = q - v[j];
            out[q] = dq * dq + f[v[j]];
        }
    }
}
