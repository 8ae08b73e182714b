package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.models.ModelTypes;

/**
 * Prediction asks the model type for its objects: the example extension's centre-seeded type (a third
 * party's, contributed through its plugin.xml) separates two touching objects with its own step, which
 * Fluffy's post-processing knows nothing of; without instances the same probabilities are one object.
 */
class ModelTypePostProcessingTest {

    private static final int W = 48;
    private static final int H = 32;

    /** Two overlapping discs of radius 9 at x = 16 and x = 30; each disc's inner half is its centre. */
    private static ClassMaps touchingPair(List<String> classes) {
        ClassMaps maps = new ClassMaps(W, H, classes);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                double a = Math.hypot(x - 16, y - 16);
                double b = Math.hypot(x - 30, y - 16);
                boolean object = a <= 9 || b <= 9;
                boolean center = a <= 4 || b <= 4;
                maps.set(0, i, object ? 0.05f : 0.95f);
                maps.set(1, i, object ? (center ? 0.15f : 0.9f) : 0.03f);
                maps.set(2, i, object ? (center ? 0.8f : 0.05f) : 0.02f);
            }
        }
        return maps;
    }

    @Test
    void aThirdPartyTypeSeparatesTouchingObjectsWithItsOwnStep() {
        ModelType type = ModelTypes.require("org.example.centers");
        HyperparameterValues values = HyperparameterValues.defaults(type.hyperparameters());
        ClassMaps maps = touchingPair(type.classes(values));

        LabelMap instances = PostProcessing.DEFAULT.labels(maps, type, values);
        LabelMap semantic = new PostProcessing(false, 16, true).labels(maps, type, values);

        assertEquals(2, instances.maxLabel(), "the two centres give two objects");
        assertEquals(1, semantic.maxLabel(), "without instances the touching pair is one region");
        int[] l = instances.labels();
        assertEquals(false, l[16 * W + 16] == l[16 * W + 30], "each disc's middle is in its own object");
        long foreground = java.util.Arrays.stream(semantic.labels()).filter(v -> v != 0).count();
        assertEquals(foreground, java.util.Arrays.stream(l).filter(v -> v != 0).count(),
                "the centres grow through the whole foreground");
    }

    /**
     * The built-in categorical type reads the 16-bit maps where they are (no float copy of every class) and
     * finds the same objects as from the float array a third-party type gets.
     */
    @Test
    void theCategoricalTypeReadsTheMapsInPlaceWithTheSameObjects() {
        ModelType type = ModelTypes.require("unet.categorical");
        HyperparameterValues values = HyperparameterValues.defaults(type.hyperparameters());
        ClassMaps maps = new ClassMaps(W, H, type.classes(values));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                boolean object = Math.hypot(x - 16, y - 16) <= 9 || Math.hypot(x - 30, y - 16) <= 9;
                boolean border = object && Math.abs(x - 23) <= 1;
                maps.set(0, i, object ? 0.05f : 0.95f);
                maps.set(1, i, object && !border ? 0.9f : 0.03f);
                maps.set(2, i, border ? 0.9f : 0.02f);
            }
        }
        LabelMap inPlace = type.labelMap(maps, values);
        LabelMap fromFloats = type.labelMap(maps.toArray(), W, H, values);
        assertEquals(2, inPlace.maxLabel(), "the border parts the two discs");
        assertEquals(java.util.Arrays.toString(fromFloats.labels()), java.util.Arrays.toString(inPlace.labels()));
    }
}
