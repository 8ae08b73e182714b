package fluffy.training.data;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import fluffy.core.labels.LabelMap;
import fluffy.runtime.session.Batch;

/**
 * Draws training batches: a random sample, a random square crop (images smaller than the crop are padded
 * with background, never rejected), and an augmentation. A zoomed crop samples a window of
 * {@code crop / zoom} input pixels, the image bilinearly and the label map by nearest neighbour, and gets
 * its targets from the model type for that crop's label map. Deterministic for a seed.
 */
public final class Sampler {

    private final List<Sample> samples;
    private final int crop;
    private final int batchSize;
    private final Augmentation augmentation;
    private final Function<LabelMap, float[]> targetsOf;
    private final Random random;

    /** @param targetsOf the model type's targets for a label map, [classes, height, width] */
    public Sampler(List<Sample> samples, int crop, int batchSize, Augmentation augmentation,
            Function<LabelMap, float[]> targetsOf, long seed) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        this.samples = List.copyOf(samples);
        this.crop = crop;
        this.batchSize = batchSize;
        this.augmentation = augmentation;
        this.targetsOf = targetsOf;
        this.random = new Random(seed);
    }

    public Batch next() {
        int classes = samples.get(0).classes();
        int channels = samples.get(0).channels();
        int plane = crop * crop;
        float[] images = new float[batchSize * channels * plane];
        float[] targets = new float[batchSize * classes * plane];
        for (int b = 0; b < batchSize; b++) {
            Sample s = samples.get(random.nextInt(samples.size()));
            double zoom = augmentation.zoom(random);
            if (s.channels() != channels) {
                throw new IllegalArgumentException(s.name() + " has " + s.channels() + " channels, other samples "
                        + channels);
            }
            if (zoom == 1) {
                copy(s, images, targets, b, classes);
            } else {
                zoomed(s, zoom, images, targets, b, classes);
            }
            // Each channel changes on its own: stains and detectors vary independently between microscopes.
            for (int c = 0; c < channels; c++) {
                augmentation.blur(images, (b * channels + c) * plane, crop, random);
                augmentation.intensities(images, (b * channels + c) * plane, plane, random);
            }
        }
        return new Batch(images, targets, batchSize, channels, classes, crop, crop);
    }

    /** Where a window of {@code window} pixels starts along a side of {@code length}: random, negative if larger. */
    private int origin(int length, int window) {
        return random.nextInt(Math.abs(length - window) + 1) * (length >= window ? 1 : -1);
    }

    private void copy(Sample s, float[] images, float[] targets, int b, int classes) {
        int plane = crop * crop;
        // Where the crop is larger than the image, the image sits at a random place in it.
        int x0 = origin(s.width(), crop);
        int y0 = origin(s.height(), crop);
        int symmetry = augmentation.symmetry(random);
        int sourcePlane = s.width() * s.height();
        int channels = s.channels();
        for (int y = 0; y < crop; y++) {
            for (int x = 0; x < crop; x++) {
                int[] src = Augmentation.source(symmetry, x, y, crop);
                int sx = x0 + src[0];
                int sy = y0 + src[1];
                int out = b * channels * plane + y * crop + x;
                if (sx < 0 || sy < 0 || sx >= s.width() || sy >= s.height()) {
                    targets[(b * classes) * plane + y * crop + x] = classes > 1 ? 1 : 0; // background
                    continue;
                }
                int i = sy * s.width() + sx;
                for (int c = 0; c < channels; c++) {
                    images[out + c * plane] = s.image()[c * sourcePlane + i];
                }
                for (int c = 0; c < classes; c++) {
                    targets[(b * classes + c) * plane + y * crop + x] = s.targets()[c * sourcePlane + i];
                }
            }
        }
    }

    private void zoomed(Sample s, double zoom, float[] images, float[] targets, int b, int classes) {
        int plane = crop * crop;
        int window = Math.max(1, (int) Math.round(crop / zoom));
        int x0 = origin(s.width(), window);
        int y0 = origin(s.height(), window);
        int symmetry = augmentation.symmetry(random);
        double step = window / (double) crop;
        int w = s.width();
        int h = s.height();
        float[] image = s.image();
        int[] source = s.labels().labels();
        int[] labels = new int[plane];
        boolean[] outside = new boolean[plane];
        for (int y = 0; y < crop; y++) {
            for (int x = 0; x < crop; x++) {
                int[] src = Augmentation.source(symmetry, x, y, crop);
                double fx = x0 + (src[0] + 0.5) * step - 0.5;
                double fy = y0 + (src[1] + 0.5) * step - 0.5;
                int out = y * crop + x;
                int nx = (int) Math.floor(fx + 0.5);
                int ny = (int) Math.floor(fy + 0.5);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    outside[out] = true;
                    continue;
                }
                labels[out] = source[ny * w + nx];
                int ix = (int) Math.floor(fx);
                int iy = (int) Math.floor(fy);
                double tx = fx - ix;
                double ty = fy - iy;
                int xa = Math.max(0, ix);
                int xb = Math.min(w - 1, ix + 1);
                int ya = Math.max(0, iy);
                int yb = Math.min(h - 1, iy + 1);
                int channels = s.channels();
                for (int c = 0; c < channels; c++) {
                    int base = c * w * h;
                    double top = image[base + ya * w + xa] * (1 - tx) + image[base + ya * w + xb] * tx;
                    double bottom = image[base + yb * w + xa] * (1 - tx) + image[base + yb * w + xb] * tx;
                    images[(b * channels + c) * plane + out] = (float) (top * (1 - ty) + bottom * ty);
                }
            }
        }
        float[] t = targetsOf.apply(new LabelMap(crop, crop, labels));
        for (int c = 0; c < classes; c++) {
            System.arraycopy(t, c * plane, targets, (b * classes + c) * plane, plane);
        }
        if (classes > 1) {
            // Padding around a small image is background, as in the unzoomed crop, whatever the type says.
            for (int i = 0; i < plane; i++) {
                if (outside[i]) {
                    for (int c = 0; c < classes; c++) {
                        targets[(b * classes + c) * plane + i] = c == 0 ? 1 : 0;
                    }
                }
            }
        }
    }
}
