package fluffy.training.data;

import java.util.Random;

/**
 * Random changes that keep a crop a plausible microscope image: the eight flips and quarter turns, an
 * intensity scale (the original drew it from U(0.25, 1.75)), a gamma change on the positive part, and
 * Gaussian noise. Geometry applies to image and targets alike; intensity changes to the image only.
 */
public record Augmentation(boolean geometry, double minScale, double maxScale, double gammaSpread, double noise) {

    public static final Augmentation DEFAULT = new Augmentation(true, 0.25, 1.75, 0.3, 0.03);
    public static final Augmentation NONE = new Augmentation(false, 1, 1, 0, 0);

    /** Source pixel (x, y) in the crop's frame for an output pixel under one of 8 symmetries. */
    static int[] source(int symmetry, int x, int y, int size) {
        int sx = (symmetry & 1) != 0 ? size - 1 - x : x;
        int sy = (symmetry & 2) != 0 ? size - 1 - y : y;
        return (symmetry & 4) != 0 ? new int[] {sy, sx} : new int[] {sx, sy};
    }

    int symmetry(Random random) {
        return geometry ? random.nextInt(8) : 0;
    }

    /** Changes a normalised crop's intensities in place. */
    void intensities(float[] crop, int offset, int length, Random random) {
        double scale = minScale + random.nextDouble() * (maxScale - minScale);
        double gamma = Math.exp(random.nextGaussian() * gammaSpread);
        double sigma = noise * random.nextDouble();
        for (int i = offset; i < offset + length; i++) {
            double v = crop[i];
            if (gamma != 1 && v > 0) {
                v = Math.pow(v, gamma);
            }
            v = v * scale + (sigma > 0 ? random.nextGaussian() * sigma : 0);
            crop[i] = (float) v;
        }
    }
}
