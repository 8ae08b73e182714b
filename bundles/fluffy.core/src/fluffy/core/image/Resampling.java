package fluffy.core.image;

import fluffy.core.labels.LabelMap;

/**
 * Changes the pixel size of planes and label maps, pixel centres aligned: output pixel {@code x} samples
 * the input at {@code (x + 0.5) * sourceWidth / width - 0.5}. Planes are interpolated bilinearly when they
 * grow and averaged over each output pixel's footprint when they shrink (bilinear alone would drop most
 * input pixels and alias fine texture); label maps take the nearest input label, so objects keep their
 * identities.
 */
public final class Resampling {

    private Resampling() {
    }

    /** The size a side of {@code length} pixels gets at {@code factor}, at least 1. */
    public static int scaled(int length, double factor) {
        return Math.max(1, (int) Math.round(length * factor));
    }

    public static Plane plane(Plane source, int width, int height) {
        if (width == source.width() && height == source.height()) {
            return new Plane(width, height, source.data().clone());
        }
        return rows(source, 0, source.width(), source.height(), width, height, 0, height);
    }

    /**
     * Rows {@code y0} to {@code y0 + rows - 1} of an image of {@code sourceWidth x sourceHeight} resampled to
     * {@code width x height}, exactly as {@link #plane} gives them, from a band of its rows that starts at row
     * {@code bandTop} and holds {@link #sourceRows} of them: how an image too large to hold is rescaled.
     */
    public static Plane rows(Plane band, int bandTop, int sourceWidth, int sourceHeight, int width, int height, int y0,
            int rows) {
        float[] out = new float[Math.multiplyExact(width, rows)];
        double fx = sourceWidth / (double) width;
        double fy = sourceHeight / (double) height;
        if (fx > 1 || fy > 1) {
            average(band, bandTop, sourceHeight, out, width, fx, fy, y0, rows);
        } else {
            bilinear(band, bandTop, sourceHeight, out, width, fx, fy, y0, rows);
        }
        return new Plane(width, rows, out);
    }

    /** The first and last source rows (inclusive) that rows {@code y0..y0 + rows - 1} of {@link #rows} read. */
    public static int[] sourceRows(int sourceHeight, int height, int y0, int rows) {
        double fy = sourceHeight / (double) height;
        if (fy > 1) {
            return new int[] {(int) (y0 * fy), (int) Math.ceil(Math.min(sourceHeight, (y0 + rows) * fy)) - 1};
        }
        int first = (int) Math.min(sourceHeight - 1, Math.max(0, (y0 + 0.5) * fy - 0.5));
        double last = Math.min(sourceHeight - 1, Math.max(0, (y0 + rows - 1 + 0.5) * fy - 0.5));
        return new int[] {first, Math.min(sourceHeight - 1, (int) last + 1)};
    }

    private static void bilinear(Plane s, int top, int sh, float[] out, int width, double fx, double fy, int first,
            int rows) {
        int sw = s.width();
        float[] d = s.data();
        for (int y = first; y < first + rows; y++) {
            double sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(sh - 1, y0 + 1);
            double ty = sy - y0;
            int r0 = (y0 - top) * sw;
            int r1 = (y1 - top) * sw;
            int o = (y - first) * width;
            for (int x = 0; x < width; x++) {
                double sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(sw - 1, x0 + 1);
                double tx = sx - x0;
                double up = d[r0 + x0] * (1 - tx) + d[r0 + x1] * tx;
                double down = d[r1 + x0] * (1 - tx) + d[r1 + x1] * tx;
                out[o + x] = (float) (up * (1 - ty) + down * ty);
            }
        }
    }

    /** Each output pixel the mean of the input pixels its footprint covers (by their covered fraction). */
    private static void average(Plane s, int top, int sh, float[] out, int width, double fx, double fy, int first,
            int rows) {
        int sw = s.width();
        float[] d = s.data();
        for (int y = first; y < first + rows; y++) {
            double ya = y * fy;
            double yb = Math.min(sh, (y + 1) * fy);
            for (int x = 0; x < width; x++) {
                double xa = x * fx;
                double xb = Math.min(sw, (x + 1) * fx);
                double sum = 0;
                double weight = 0;
                for (int j = (int) ya; j < Math.ceil(yb); j++) {
                    double wy = Math.min(yb, j + 1) - Math.max(ya, j);
                    for (int i = (int) xa; i < Math.ceil(xb); i++) {
                        double w = wy * (Math.min(xb, i + 1) - Math.max(xa, i));
                        sum += w * d[(j - top) * sw + i];
                        weight += w;
                    }
                }
                out[(y - first) * width + x] = (float) (weight > 0 ? sum / weight : 0);
            }
        }
    }

    /** Where row or column {@code i} of a label map resampled from {@code source} to {@code length} looks. */
    public static int nearest(int i, int source, int length) {
        return Math.min(source - 1, (int) ((i + 0.5) * (source / (double) length)));
    }

    public static LabelMap labels(LabelMap source, int width, int height) {
        int sw = source.width();
        int sh = source.height();
        int[] out = new int[Math.multiplyExact(width, height)];
        int[] l = source.labels();
        for (int y = 0; y < height; y++) {
            int sy = nearest(y, sh, height);
            for (int x = 0; x < width; x++) {
                int sx = nearest(x, sw, width);
                out[y * width + x] = l[sy * sw + sx];
            }
        }
        return new LabelMap(width, height, out);
    }
}
