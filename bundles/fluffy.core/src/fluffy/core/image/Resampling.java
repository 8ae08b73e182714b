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
        float[] out = new float[Math.multiplyExact(width, height)];
        double fx = source.width() / (double) width;
        double fy = source.height() / (double) height;
        if (fx > 1 || fy > 1) {
            average(source, out, width, height, fx, fy);
        } else {
            bilinear(source, out, width, height, fx, fy);
        }
        return new Plane(width, height, out);
    }

    private static void bilinear(Plane s, float[] out, int width, int height, double fx, double fy) {
        int sw = s.width();
        int sh = s.height();
        float[] d = s.data();
        for (int y = 0; y < height; y++) {
            double sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(sh - 1, y0 + 1);
            double ty = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(sw - 1, x0 + 1);
                double tx = sx - x0;
                double top = d[y0 * sw + x0] * (1 - tx) + d[y0 * sw + x1] * tx;
                double bottom = d[y1 * sw + x0] * (1 - tx) + d[y1 * sw + x1] * tx;
                out[y * width + x] = (float) (top * (1 - ty) + bottom * ty);
            }
        }
    }

    /** Each output pixel the mean of the input pixels its footprint covers (by their covered fraction). */
    private static void average(Plane s, float[] out, int width, int height, double fx, double fy) {
        int sw = s.width();
        int sh = s.height();
        float[] d = s.data();
        for (int y = 0; y < height; y++) {
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
                        sum += w * d[j * sw + i];
                        weight += w;
                    }
                }
                out[y * width + x] = (float) (weight > 0 ? sum / weight : 0);
            }
        }
    }

    public static LabelMap labels(LabelMap source, int width, int height) {
        int sw = source.width();
        int sh = source.height();
        double fx = sw / (double) width;
        double fy = sh / (double) height;
        int[] out = new int[Math.multiplyExact(width, height)];
        int[] l = source.labels();
        for (int y = 0; y < height; y++) {
            int sy = Math.min(sh - 1, (int) ((y + 0.5) * fy));
            for (int x = 0; x < width; x++) {
                int sx = Math.min(sw - 1, (int) ((x + 0.5) * fx));
                out[y * width + x] = l[sy * sw + sx];
            }
        }
        return new LabelMap(width, height, out);
    }
}
