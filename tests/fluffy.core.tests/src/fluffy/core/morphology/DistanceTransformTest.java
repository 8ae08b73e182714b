package fluffy.core.morphology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @Test
    void equalsTheBruteForceDistanceOnRandomMasks() {
        Random random = new Random(5);
        for (int round = 0; round < 20; round++) {
            int w = 1 + random.nextInt(30);
            int h = 1 + random.nextInt(30);
            double density = random.nextDouble();
            boolean[] inside = new boolean[w * h];
            for (int i = 0; i < inside.length; i++) {
                inside[i] = random.nextDouble() < density;
            }
            double[] d = DistanceTransform.squaredToOutside(inside, w, h);
            for (int i = 0; i < inside.length; i++) {
                assertEquals(bruteForce(inside, w, h, i), d[i], 1e-9, "pixel " + i + " of a " + w + " x " + h + " mask");
            }
        }
    }

    @Test
    void aMaskWithoutOutsidePixelsIsFarEverywhere() {
        double[] d = DistanceTransform.squaredToOutside(new boolean[] {true, true, true, true}, 2, 2);
        for (double v : d) {
            assertEquals(DistanceTransform.FAR, v);
        }
    }

    private static double bruteForce(boolean[] inside, int w, int h, int i) {
        if (!inside[i]) {
            return 0;
        }
        double best = DistanceTransform.FAR;
        for (int j = 0; j < inside.length; j++) {
            if (!inside[j]) {
                double dx = i % w - j % w;
                double dy = i / w - j / w;
                best = Math.min(best, dx * dx + dy * dy);
            }
        }
        return best;
    }
}
