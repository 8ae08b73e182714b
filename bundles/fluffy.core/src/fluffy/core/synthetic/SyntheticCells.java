package fluffy.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fluffy.core.image.GaussianBlur;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;

/**
 * Seeded generator of two-channel fluorescence images of cells with their label maps: channel 1 a cytoplasm
 * stain filling each cell (dimmer where two cells meet, and in the nucleus), channel 2 a nuclear stain with
 * one nucleus near each cell's centre. Cells are alone or in touching groups, with wavy outlines; both
 * channels get optical blur, an uneven background, shot and read noise. The label maps are the cells and
 * the nuclei. From the nuclear channel alone a cell's extent cannot be told; both channels show it. The same
 * seed always gives the same image.
 */
public final class SyntheticCells {

    /** A generated image: its channels (cytoplasm, nuclei), the cells' and the nuclei's label maps. */
    public record Sample(List<Plane> channels, LabelMap cells, LabelMap nuclei) {
    }

    private record Cell(double cx, double cy, double radius, double elongation, double angle, double phase,
            int lobes, double cytoplasm, double nucleus, double nx, double ny, double nucleusRadius) {
    }

    private final int width;
    private final int height;
    private final double meanRadius;

    /** Cells of about {@code meanRadius} pixels (at least 6). */
    public SyntheticCells(int width, int height, double meanRadius) {
        if (width < 16 || height < 16 || meanRadius < 6) {
            throw new IllegalArgumentException("synthetic cells need 16 x 16 pixels and a radius of 6 or more");
        }
        this.width = width;
        this.height = height;
        this.meanRadius = meanRadius;
    }

    public Sample generate(long seed) {
        Random random = new Random(seed);
        List<Cell> cells = place(random);
        int n = width * height;
        int[] cellLabels = new int[n];
        int[] nucleusLabels = new int[n];
        float[] cytoplasm = new float[n];
        float[] nuclei = new float[n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // The cell whose outline is nearest outward (a power-diagram-like split where cells touch).
                int best = -1;
                double bestReach = Double.MAX_VALUE;
                double secondReach = Double.MAX_VALUE;
                for (int k = 0; k < cells.size(); k++) {
                    double reach = reach(cells.get(k), x, y);
                    if (reach < bestReach) {
                        secondReach = bestReach;
                        bestReach = reach;
                        best = k;
                    } else if (reach < secondReach) {
                        secondReach = reach;
                    }
                }
                if (best < 0 || bestReach >= 1) {
                    continue;
                }
                int i = y * width + x;
                Cell c = cells.get(best);
                cellLabels[i] = best + 1;
                // Where two cells meet the stain thins out over a few pixels: what lets the eye separate them.
                double gap = Math.min(1, (secondReach - bestReach) * c.radius() / 3);
                double edge = Math.min(1, (1 - bestReach) * c.radius() / 2);
                double dnx = x - c.nx();
                double dny = y - c.ny();
                boolean inNucleus = dnx * dnx + dny * dny < c.nucleusRadius() * c.nucleusRadius();
                cytoplasm[i] = (float) (c.cytoplasm() * (0.5 + 0.5 * Math.min(gap, edge)) * (inNucleus ? 0.6 : 1)
                        * (0.85 + 0.3 * random.nextDouble()));
                if (inNucleus) {
                    nucleusLabels[i] = best + 1;
                    nuclei[i] = (float) (c.nucleus() * (0.8 + 0.4 * random.nextDouble()));
                }
            }
        }
        return new Sample(List.of(camera(cytoplasm, random, seed), camera(nuclei, random, seed + 1)),
                new LabelMap(width, height, cellLabels).relabelled(),
                new LabelMap(width, height, nucleusLabels).relabelled());
    }

    /** Distance from the cell's centre over its (elongated, wavy) radius in that direction: below 1 inside. */
    private static double reach(Cell c, int x, int y) {
        double dx = x - c.cx();
        double dy = y - c.cy();
        double cos = Math.cos(c.angle());
        double sin = Math.sin(c.angle());
        double u = (dx * cos + dy * sin) / Math.sqrt(c.elongation());
        double v = (-dx * sin + dy * cos) * Math.sqrt(c.elongation());
        double angle = Math.atan2(v, u);
        double r = c.radius() * (1 + 0.12 * Math.sin(c.lobes() * angle + c.phase()));
        return Math.sqrt(u * u + v * v) / r;
    }

    /** Blur, uneven background, shot and read noise: what a camera records of a signal. */
    private Plane camera(float[] signal, Random random, long seed) {
        float[] blurred = GaussianBlur.gaussian(signal, width, height, 1.0 + random.nextDouble() * 0.5);
        float[] image = new float[width * height];
        double base = 90 + random.nextDouble() * 60;
        double gx = random.nextGaussian() * 0.3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double background = base * (1 + gx * x / width) + 25 * Math.sin(x * 0.011 + y * 0.009 + seed % 5);
                double expected = Math.max(1, background + blurred[y * width + x]);
                image[y * width + x] = (float) Math.max(0, expected + random.nextGaussian() * Math.sqrt(expected * 0.8)
                        + random.nextGaussian() * 5);
            }
        }
        return new Plane(width, height, image);
    }

    private List<Cell> place(Random random) {
        double area = Math.PI * meanRadius * meanRadius;
        int count = (int) Math.round(width * height / area * 0.45 * (0.8 + 0.4 * random.nextDouble()));
        List<Cell> placed = new ArrayList<>();
        int attempts = 0;
        while (placed.size() < count && attempts++ < count * 40) {
            // Cell size, shape and the nucleus's place vary on their own: the nucleus does not tell the outline.
            double r = meanRadius * (0.6 + 0.9 * random.nextDouble());
            double cx;
            double cy;
            if (!placed.isEmpty() && random.nextDouble() < 0.6) {
                Cell neighbour = placed.get(random.nextInt(placed.size()));
                double direction = random.nextDouble() * 2 * Math.PI;
                double distance = (neighbour.radius() + r) * (0.75 + 0.15 * random.nextDouble());
                cx = neighbour.cx() + Math.cos(direction) * distance;
                cy = neighbour.cy() + Math.sin(direction) * distance;
            } else {
                cx = random.nextDouble() * width;
                cy = random.nextDouble() * height;
            }
            double fcx = cx;
            double fcy = cy;
            double fr = r;
            // Cells may touch and press on each other, but no centre lies inside another cell's core.
            if (placed.stream().anyMatch(c -> Math.hypot(c.cx() - fcx, c.cy() - fcy) < 0.7 * (c.radius() + fr))) {
                continue;
            }
            double nucleusRadius = meanRadius * (0.3 + 0.1 * random.nextDouble());
            double offset = Math.max(0, r - nucleusRadius) * 0.45 * random.nextDouble();
            double direction = random.nextDouble() * 2 * Math.PI;
            placed.add(new Cell(cx, cy, r, 1 + random.nextDouble() * 1.2, random.nextDouble() * Math.PI,
                    random.nextDouble() * 2 * Math.PI, 2 + random.nextInt(3), 300 + random.nextDouble() * 900,
                    800 + random.nextDouble() * 2200, cx + Math.cos(direction) * offset,
                    cy + Math.sin(direction) * offset, nucleusRadius));
        }
        return placed;
    }
}
