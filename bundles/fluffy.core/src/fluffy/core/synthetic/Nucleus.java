package fluffy.core.synthetic;

import java.util.Random;

import fluffy.core.labels.LabelMap;

/** One ellipse-like nucleus: centre, semi-axes, orientation and mean brightness above background. */
record Nucleus(double cx, double cy, double a, double b, double angle, double brightness) {

    double meanRadius() {
        return (a + b) / 2;
    }

    /** Nuclei may touch and press slightly into each other, but not pile up. */
    boolean overlapsTooMuch(Nucleus other) {
        double d = Math.hypot(cx - other.cx, cy - other.cy);
        return d < 0.8 * (meanRadius() + other.meanRadius());
    }

    /**
     * Writes this nucleus into free pixels of the label map and its signal into {@code signal}; pixels
     * already owned by an earlier nucleus stay with it, so touching nuclei meet along a shared edge.
     * The outline is wobbled by low harmonics so shapes are not perfect ellipses.
     *
     * @return the number of pixels painted
     */
    int paint(LabelMap labels, float[] signal, int label, Random random) {
        int w = labels.width();
        int h = labels.height();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double wobble2 = random.nextGaussian() * 0.05;
        double wobble3 = random.nextGaussian() * 0.04;
        double phase = random.nextDouble() * 2 * Math.PI;
        // Chromatin texture: a few soft bright and dark spots inside the nucleus.
        int spots = 3 + random.nextInt(5);
        double[][] spot = new double[spots][4];
        for (double[] s : spot) {
            s[0] = cx + random.nextGaussian() * a * 0.4;
            s[1] = cy + random.nextGaussian() * b * 0.4;
            s[2] = 1.5 + random.nextDouble() * 2.5;
            s[3] = (random.nextDouble() - 0.35) * 0.6;
        }
        double reach = Math.max(a, b) * 1.3 + 1;
        int painted = 0;
        for (int y = (int) Math.max(0, cy - reach); y <= Math.min(h - 1, cy + reach); y++) {
            for (int x = (int) Math.max(0, cx - reach); x <= Math.min(w - 1, cx + reach); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double u = (dx * cos + dy * sin) / a;
                double v = (-dx * sin + dy * cos) / b;
                double theta = Math.atan2(v, u);
                double limit = 1 + wobble2 * Math.cos(2 * theta + phase) + wobble3 * Math.cos(3 * theta + phase);
                double rho = Math.hypot(u, v) / limit;
                if (rho > 1 || labels.get(x, y) != 0) {
                    continue;
                }
                labels.set(x, y, label);
                double texture = 1;
                for (double[] s : spot) {
                    double d2 = ((x - s[0]) * (x - s[0]) + (y - s[1]) * (y - s[1])) / (s[2] * s[2]);
                    texture += s[3] * Math.exp(-d2);
                }
                // Slightly dimmer towards the rim, as a thick nucleus seen in widefield.
                double profile = 0.75 + 0.25 * Math.sqrt(Math.max(0, 1 - rho * rho));
                signal[y * w + x] += (float) (brightness * profile * Math.max(0.2, texture));
                painted++;
            }
        }
        return painted;
    }
}
