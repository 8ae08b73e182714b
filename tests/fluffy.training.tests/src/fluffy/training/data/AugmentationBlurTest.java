package fluffy.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The blur augmentation: a Gaussian of the drawn sigma, nothing drawn when off, and its record form. */
class AugmentationBlurTest {

    @Test
    void aPointBecomesAGaussianOfTheDrawnSigma() {
        Augmentation a = Augmentation.DEFAULT.withBlur(3);
        int size = 41;
        for (long seed = 0; seed < 40; seed++) {
            // The same draws as blur(): half the crops, then sigma uniform up to 3.
            Random mirror = new Random(seed);
            boolean skipped = mirror.nextBoolean();
            double sigma = mirror.nextDouble() * 3;
            float[] crop = new float[size * size];
            crop[20 * size + 20] = 1;
            a.blur(crop, 0, size, new Random(seed));
            double sum = 0;
            double xx = 0;
            double yy = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double v = crop[y * size + x];
                    sum += v;
                    xx += v * (x - 20) * (x - 20);
                    yy += v * (y - 20) * (y - 20);
                }
            }
            assertEquals(1, sum, 1e-4, "seed " + seed + ": blur keeps the intensity");
            double expected = skipped || sigma < 0.3 ? 0 : sigma * sigma;
            // A kernel cut at 3 sigma holds 97% of the variance.
            assertEquals(expected, xx, 0.04 * expected + 1e-6, "seed " + seed + ": variance along x");
            assertEquals(xx, yy, 1e-4, "seed " + seed + ": the same along y");
        }
    }

    @Test
    void noBlurDrawsNoRandomNumber() {
        Random used = new Random(5);
        float[] crop = new float[16 * 16];
        crop[7] = 2;
        Augmentation.DEFAULT.blur(crop, 0, 16, used);
        assertEquals(new Random(5).nextLong(), used.nextLong(), "seeds give the same crops as before blur existed");
        assertEquals(2, crop[7]);
    }

    @Test
    void theRecordFormKeepsEveryComponentAndReadsOldRecords() {
        Augmentation a = Augmentation.DEFAULT.withZoom(0.5, 2).withBlur(1.5);
        assertEquals(a, Augmentation.decode(a.encode()));
        Augmentation old = Augmentation.decode("true 0.6 1.6666666666666667 0.25 1.75 0.3 0.03");
        assertEquals(0, old.blur());
        assertEquals(0.6, old.minZoom());
        assertTrue(Augmentation.DEFAULT.equals(old), "a seven-part record is the default without blur");
    }
}
