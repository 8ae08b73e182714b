package fluffy.training.data;

import java.util.Random;

import fluffy.core.image.GaussianBlur;

/**
 * Random changes that keep a crop a plausible microscope image: the eight flips and quarter turns, a zoom
 * (drawn log-uniformly between {@code minZoom} and {@code maxZoom}: the same nuclei under another
 * objective), an intensity scale (the original drew it from U(0.25, 1.75)), a gamma change on the
 * positive part, a Gaussian blur (sigma drawn uniformly up to {@code blur} pixels, for half the crops: an
 * image out of focus, or rescaled up to the model's object size at prediction), and Gaussian noise. Geometry
 * applies to image and targets alike (a zoomed crop's targets are made again from its zoomed label map, so
 * the border band keeps its width in the network's pixels); blur and intensity changes apply to the image only.
 */
public record Augmentation(boolean geometry, double minZoom, double maxZoom, double minScale, double maxScale,
        double gammaSpread, double noise, double blur) {

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
        if (!(blur >= 0 && blur <= 10)) {
            throw new IllegalArgumentException("invalid blur " + blur + " (0 to 10 pixels)");
        }
    }

    /** Without blur. */
    public Augmentation(boolean geometry, double minZoom, double maxZoom, double minScale, double maxScale,
            double gammaSpread, double noise) {
        this(geometry, minZoom, maxZoom, minScale, maxScale, gammaSpread, noise, 0);
    }

    public Augmentation withZoom(double min, double max) {
        return new Augmentation(geometry, min, max, minScale, maxScale, gammaSpread, noise, blur);
    }

    public Augmentation withBlur(double sigma) {
        return new Augmentation(geometry, minZoom, maxZoom, minScale, maxScale, gammaSpread, noise, sigma);
    }

    /** The form run records and task files keep: the components in order, separated by spaces. */
    public String encode() {
        return geometry + " " + minZoom + " " + maxZoom + " " + minScale + " " + maxScale + " " + gammaSpread + " "
                + noise + " " + blur;
    }

    /** Reads {@link #encode()}'s form; a record written before blur existed has seven parts and no blur. */
    public static Augmentation decode(String text) {
        String[] a = text.trim().split(" ");
        if (a.length != 7 && a.length != 8) {
            throw new IllegalArgumentException("augmentation '" + text + "' has " + a.length + " parts, expected 8");
        }
        return new Augmentation(Boolean.parseBoolean(a[0]), Double.parseDouble(a[1]), Double.parseDouble(a[2]),
                Double.parseDouble(a[3]), Double.parseDouble(a[4]), Double.parseDouble(a[5]),
                Double.parseDouble(a[6]), a.length == 8 ? Double.parseDouble(a[7]) : 0);
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

    /**
     * Blurs a square crop of {@code size} pixels in place, for half the crops, with a sigma drawn up to
     * {@link #blur()}; draws no random number when blur is 0 (seeds give the same crops as before blur).
     */
    void blur(float[] crop, int offset, int size, Random random) {
        if (blur <= 0 || random.nextBoolean()) {
            return;
        }
        double sigma = random.nextDouble() * blur;
        if (sigma < 0.3) {
            return; // a kernel this narrow is the identity to within rounding
        }
        float[] plane = java.util.Arrays.copyOfRange(crop, offset, offset + size * size);
        System.arraycopy(GaussianBlur.gaussian(plane, size, size, sigma), 0, crop, offset, size * size);
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
