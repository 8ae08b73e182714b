package fluffy.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fluffy.core.image.GaussianBlur;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;

/**
 * Seeded generator of fluorescence-nuclei-like images with their ground-truth label maps: ellipse-like
 * nuclei, alone, touching and in clusters, with varied size, elongation and brightness, internal texture
 * (chromatin-like blobs), optical blur, an uneven background, photon shot noise and camera read noise.
 * The same seed always gives the same image. Intensities are camera counts (about 100 to 4000).
 */
public final class SyntheticNuclei {

    /**
     * @param meanRadius       typical nucleus radius in pixels
     * @param density          nuclei per 10,000 pixels
     * @param clusterFraction  share of nuclei placed next to another one (touching or nearly)
     */
    public record Settings(int width, int height, double meanRadius, double density, double clusterFraction) {

        public Settings {
            if (width < 16 || height < 16) {
                throw new IllegalArgumentException("synthetic images need at least 16 x 16 pixels");
            }
        }

        /** Nuclei of radius about 9 px, some clustered; similar to 20x widefield nuclei. */
        public static Settings nuclei(int width, int height) {
            return new Settings(width, height, 9, 6, 0.4);
        }
    }

    /** One generated image and its label map (labels 1..n, 0 background). */
    public record Sample(Plane image, LabelMap labels) {
    }

    private final Settings settings;

    public SyntheticNuclei(Settings settings) {
        this.settings = settings;
    }

    public Sample generate(long seed) {
        Random random = new Random(seed);
        int w = settings.width();
        int h = settings.height();
        List<Nucleus> nuclei = place(random);
        LabelMap labels = LabelMap.empty(w, h);
        float[] signal = new float[w * h];
        int label = 0;
        for (Nucleus n : nuclei) {
            if (n.paint(labels, signal, ++label, random) == 0) {
                label--;
            }
        }
        float[] blurred = GaussianBlur.gaussian(signal, w, h, 1.0 + random.nextDouble() * 0.6);
        float[] image = new float[w * h];
        double gx = random.nextGaussian() * 0.4;
        double gy = random.nextGaussian() * 0.4;
        double base = 100 + random.nextDouble() * 80;
        double gain = 0.5 + random.nextDouble();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double background = base * (1 + gx * x / w + gy * y / h)
                        + 40 * Math.sin(x * 0.013 + y * 0.007 + seed % 7);
                double expected = Math.max(1, background + blurred[y * w + x]);
                double shot = random.nextGaussian() * Math.sqrt(expected * gain);
                double read = random.nextGaussian() * 6;
                image[y * w + x] = (float) Math.max(0, expected + shot + read);
            }
        }
        return new Sample(new Plane(w, h, image), labels.relabelled());
    }

    private List<Nucleus> place(Random random) {
        int w = settings.width();
        int h = settings.height();
        int count = (int) Math.round(settings.density() * w * h / 10_000.0 * (0.7 + 0.6 * random.nextDouble()));
        List<Nucleus> placed = new ArrayList<>();
        int attempts = 0;
        while (placed.size() < count && attempts++ < count * 30) {
            double r = settings.meanRadius() * (0.65 + 0.7 * random.nextDouble());
            double elongation = 1 + random.nextDouble() * 0.6;
            double a = r * Math.sqrt(elongation);
            double b = r / Math.sqrt(elongation);
            double angle = random.nextDouble() * Math.PI;
            double cx;
            double cy;
            if (!placed.isEmpty() && random.nextDouble() < settings.clusterFraction()) {
                Nucleus neighbour = placed.get(random.nextInt(placed.size()));
                double direction = random.nextDouble() * 2 * Math.PI;
                double distance = (neighbour.meanRadius() + r) * (0.85 + 0.2 * random.nextDouble());
                cx = neighbour.cx() + Math.cos(direction) * distance;
                cy = neighbour.cy() + Math.sin(direction) * distance;
            } else {
                cx = random.nextDouble() * w;
                cy = random.nextDouble() * h;
            }
            Nucleus candidate = new Nucleus(cx, cy, a, b, angle, 600 + random.nextDouble() * 2600);
            if (placed.stream().noneMatch(n -> n.overlapsTooMuch(candidate))) {
                placed.add(candidate);
            }
        }
        return placed;
    }
}
