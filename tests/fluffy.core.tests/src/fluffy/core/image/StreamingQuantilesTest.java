package fluffy.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Quantiles of an image added band by band agree with those of the whole image. */
class StreamingQuantilesTest {

    private static StreamingQuantiles inBands(float[] data, int band) {
        StreamingQuantiles q = new StreamingQuantiles(data.length);
        for (int i = 0; i < data.length; i += band) {
            q.add(data, i, Math.min(band, data.length - i));
        }
        return q;
    }

    @Test
    void sixteenBitSamplesGiveExactlyTheWholeImagesPercentiles() {
        Random random = new Random(1);
        float[] data = new float[100_003];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.min(65535, Math.max(0, 900 + 300 * random.nextGaussian()));
            data[i] = Math.round(data[i]);
        }
        data[5] = -7; // int16 data may be negative
        StreamingQuantiles q = inBands(data, 997);
        assertTrue(q.exact());
        for (double p : new double[] {0, 1, 37.5, 50, 99.8, 100}) {
            assertEquals(Normalization.percentile(data, p), q.quantile(p / 100), 1e-9, "percentile " + p);
        }
    }

    @Test
    void floatSamplesAreEstimatedFromARegularSample() {
        Random random = new Random(2);
        float[] data = new float[9_000_000]; // more than the sample holds: every other value is kept
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        StreamingQuantiles q = inBands(data, 1 << 20);
        assertFalse(q.exact());
        assertEquals(Normalization.percentile(data, 1), q.quantile(0.01), 0.01);
        assertEquals(Normalization.percentile(data, 99.8), q.quantile(0.998), 0.02);
    }
}
