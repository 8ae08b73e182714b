package fluffy.inference;

import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.Components;
import fluffy.core.morphology.LabelCleanup;
import fluffy.core.morphology.Watershed;
import fluffy.models.Hyperparameter;

/**
 * Turns class probabilities into objects. A model with one class {@code object} (binary) is thresholded;
 * a model with {@code background, object, border} (categorical) gives instances by a seeded watershed:
 * seeds are the connected pixels where the object class wins (object minus border), and they flood the
 * foreground (background below 0.5) in order of falling object probability, so touching nuclei part
 * along their border band. Without {@code instances} the objects are the connected components of the
 * foreground, touching objects merged. Then objects smaller than {@code minArea} are removed, holes are
 * filled and labels renumbered 1..n. Labels are ints and never wrap. Other class layouts are left to the
 * model type's own {@code labelMap}.
 *
 * @param minArea objects with fewer pixels are removed (0 keeps all)
 */
public record PostProcessing(boolean instances, int minArea, boolean fillHoles) {

    public static final PostProcessing DEFAULT = new PostProcessing(true, 16, true);

    /** Watershed levels: object probability quantised to 1/256, finer than the network is sure of. */
    private static final int LEVELS = 256;

    public LabelMap labels(ClassMaps maps, PredictionModel model) {
        LabelMap labels = objects(maps, model);
        if (minArea > 1) {
            LabelCleanup.removeSmall(labels, minArea);
        }
        if (fillHoles) {
            LabelCleanup.fillHoles(labels);
        }
        LabelCleanup.renumber(labels);
        return labels;
    }

    private LabelMap objects(ClassMaps maps, PredictionModel model) {
        List<String> classes = maps.classes();
        int w = maps.width();
        int h = maps.height();
        if (classes.equals(List.of("object"))) {
            float threshold = threshold(model);
            return components(maps, i -> maps.get(0, i) > threshold, w, h);
        }
        if (classes.equals(List.of("background", "object", "border"))) {
            if (!instances) {
                return components(maps, i -> maps.get(0, i) < 0.5f, w, h);
            }
            LabelMap seeds = components(maps, i -> {
                float object = maps.get(1, i);
                return object > maps.get(0, i) && object > maps.get(2, i);
            }, w, h);
            Watershed.flood(seeds, i -> maps.get(0, i) < 0.5f,
                    i -> (int) ((1 - maps.get(1, i)) * (LEVELS - 1) + 0.5f), LEVELS);
            return seeds;
        }
        return model.type().labelMap(maps.all(), w, h, model.description().hyperparameters());
    }

    private static LabelMap components(ClassMaps maps, java.util.function.IntPredicate inside, int w, int h) {
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = inside.test(i);
        }
        return Components.label(mask, w, h);
    }

    /** The binary model's own threshold hyperparameter when it has one, else 0.5. */
    static float threshold(PredictionModel model) {
        boolean has = model.type().hyperparameters().stream().map(Hyperparameter::name).anyMatch("threshold"::equals);
        return has ? (float) model.description().hyperparameters().real("threshold") : 0.5f;
    }
}
