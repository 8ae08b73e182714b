package fluffy.training.data;

import java.util.List;
import java.util.Random;

import fluffy.runtime.session.Batch;

/**
 * Draws training batches: a random sample, a random square crop (images smaller than the crop are padded
 * with background, never rejected), and an augmentation. Deterministic for a seed.
 */
public final class Sampler {

    private final List<Sample> samples;
    private final int crop;
    private final int batchSize;
    private final Augmentation augmentation;
    private final Random random;

    public Sampler(List<Sample> samples, int crop, int batchSize, Augmentation augmentation, long seed) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        this.samples = List.copyOf(samples);
        this.crop = crop;
        this.batchSize = batchSize;
        this.augmentation = augmentation;
        this.random = new Random(seed);
    }

    public Batch next() {
        int classes = samples.get(0).classes();
        int plane = crop * crop;
        float[] images = new float[batchSize * plane];
        float[] targets = new float[batchSize * classes * plane];
        for (int b = 0; b < batchSize; b++) {
            Sample s = samples.get(random.nextInt(samples.size()));
            // Where the crop is larger than the image, the image sits at a random place in it.
            int x0 = random.nextInt(Math.abs(s.width() - crop) + 1) * (s.width() >= crop ? 1 : -1);
            int y0 = random.nextInt(Math.abs(s.height() - crop) + 1) * (s.height() >= crop ? 1 : -1);
            int symmetry = augmentation.symmetry(random);
            int sourcePlane = s.width() * s.height();
            for (int y = 0; y < crop; y++) {
                for (int x = 0; x < crop; x++) {
                    int[] src = Augmentation.source(symmetry, x, y, crop);
                    int sx = x0 + src[0];
                    int sy = y0 + src[1];
                    int out = b * plane + y * crop + x;
                    if (sx < 0 || sy < 0 || sx >= s.width() || sy >= s.height()) {
                        targets[(b * classes) * plane + y * crop + x] = classes > 1 ? 1 : 0; // background
                        continue;
                    }
                    int i = sy * s.width() + sx;
                    images[out] = s.image()[i];
                    for (int c = 0; c < classes; c++) {
                        targets[(b * classes + c) * plane + y * crop + x] = s.targets()[c * sourcePlane + i];
                    }
                }
            }
            augmentation.intensities(images, b * plane, plane, random);
        }
        return new Batch(images, targets, batchSize, 1, classes, crop, crop);
    }
}
