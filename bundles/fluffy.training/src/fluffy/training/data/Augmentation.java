package fluffy.training.data;

import java.util.Random;

/**
 * Random changes that keep a crop a plausible microscope image: the eight flips and quarter turns, a zoom
 * (drawn log-uniformly between {@code minZoom} and {@code maxZoom}: the same nuclei under another
 * objective), an intensity scale (the original drew it from U(0.25, 1.75)), a gamma change on the
 * positive part, and Gaussian noise. Geometry applies to image and targets alike (a zoomed crop's targets
 * are made again from its zoomed label map, so the border band keeps its width in the network's pixels);
 * intensity changes apply to the image only.
 */
public record Augmentation(boolean geometry, double minZoom, double maxZoom, double minScale, double maxScale,
        double gammaSpread, double noise) {

    /**
     * Zoom 0.6-1.67x: within it the network itself copes with another magnification; beyond it prediction
     * rescales the image to the model's object size ({@code fluffy predict --diameter}).
     */
    public static final Augmentation DEFAULT = new Augmentation(true, 0.6, 1 / 0.6, 0.25, 1.75, 0.3, 0.03);
    public static final Augmentation NONE = new Augmentation(false, 1, 1, 1, 1, 0, 0);

    public Augmentation {
        if (!(minZoom > 0 && maxZoom >= minZoom)) {
            throw new IllegalArgumentException("invalid zoom range " + minZoom + " to " + maxZoom);
        }
    }

    /** Source pixel (x, y) in the crop's frame for an output pixel under one of 8 symmetries. */
    static int[] source(int symmetry, int x, int y, int size) {
        int sx = (symmetry & 1) != 0 ? size - 1 - x : x;
        int sy = (symmetry & 2) != 0 ? size - 1 - y : y;
        return (symmetry & 4) != 0 ? new int[] {sy, sx} : new int[] {sx, sy};
    }

    int symmetry(Random random) {
        return geometry ? random.nextInt(8) : 0;
    }

    /** The zoom of one crop: output pixels per input pixel (1 without geometry). */
    double zoom(Random random) {
        if (!geometry || minZoom == maxZoom) {
            return geometry ? minZoom : 1; // no random number drawn: seeds give the same crops as before zoom
        }
        double a = Math.log(minZoom);
        return Math.exp(a + random.nextDouble() * (Math.log(maxZoom) - a));
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
