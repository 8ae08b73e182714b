package fluffy.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;
import fluffy.models.HyperparameterValues;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.Batch;

/**
 * A zoomed crop shows the image and its objects at the drawn magnification, and its targets are the model
 * type's targets of the zoomed label map (so the border band keeps its width in the network's pixels).
 */
class SamplerZoomTest {

    private static final CategoricalUNet TYPE = new CategoricalUNet();
    private static final HyperparameterValues VALUES = HyperparameterValues.of(TYPE.hyperparameters(), Map.of());

    @Test
    void aCropAtTwiceTheMagnificationShowsObjectsOfFourTimesTheArea() {
        int size = 64;
        LabelMap labels = LabelMap.empty(size, size);
        float[] image = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if ((x - 32) * (x - 32) + (y - 32) * (y - 32) <= 64) { // radius 8: area ~201
                    labels.set(x, y, 1);
                    image[y * size + x] = 1;
                }
            }
        }
        Sample s = new Sample("disc", size, size, image, labels, TYPE.targets(labels, VALUES));
        Augmentation twice = new Augmentation(true, 2, 2, 1, 1, 0, 0);
        // A window of 32 around the disc: crops of 64 from a 64 image at 2x sample a 32-pixel window.
        Sampler sampler = new Sampler(List.of(s), 64, 16, twice, l -> TYPE.targets(l, VALUES), 3);
        Batch batch = sampler.next();
        int plane = 64 * 64;
        int borderOfADisc16 = borderPixels(TYPE.targets(disc(64, 16), VALUES), 0, plane);
        double largest = 0;
        int whole = 0;
        for (int b = 0; b < 16; b++) {
            double bright = 0;
            for (int i = 0; i < plane; i++) {
                bright += batch.images()[b * plane + i] > 0.5 ? 1 : 0;
                float sum = 0;
                for (int c = 0; c < 3; c++) {
                    sum += batch.targets()[(b * 3 + c) * plane + i];
                }
                assertEquals(1, sum, 1e-6, "one class per pixel");
            }
            largest = Math.max(largest, bright);
            if (bright > 0.95 * 4 * 201) {
                // The whole disc in view: its border band is about as wide as a radius-16 disc's, not twice as
                // wide (which nearest-neighbour zooming of the image's own targets would give). The zoomed disc's
                // outline has 2-pixel steps, so its band is somewhat longer than a drawn disc's.
                whole++;
                int border = borderPixels(batch.targets(), b, plane);
                assertTrue(border > 0.85 * borderOfADisc16 && border < 1.5 * borderOfADisc16,
                        "border pixels of the zoomed disc: " + border + ", of a drawn one " + borderOfADisc16);
            }
        }
        assertEquals(4 * 201, largest, 0.1 * 4 * 201, "area of the disc in a crop at 2x");
        assertTrue(whole > 0, "no crop showed the whole disc");
    }

    private static int borderPixels(float[] targets, int b, int plane) {
        int n = 0;
        for (int i = 0; i < plane; i++) {
            n += targets[(b * 3 + 2) * plane + i] > 0 ? 1 : 0;
        }
        return n;
    }

    private static LabelMap disc(int size, int r) {
        LabelMap m = LabelMap.empty(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if ((x - size / 2) * (x - size / 2) + (y - size / 2) * (y - size / 2) <= r * r) {
                    m.set(x, y, 1);
                }
            }
        }
        return m;
    }

    @Test
    void withoutAZoomRangeTheSamplerDrawsAsBefore() {
        Augmentation none = new Augmentation(true, 1, 1, 0.5, 1.5, 0.2, 0.01);
        java.util.Random r = new java.util.Random(1);
        assertEquals(1, none.zoom(r));
        assertEquals(new java.util.Random(1).nextInt(), r.nextInt(), "no random number drawn for the zoom");
    }
}
