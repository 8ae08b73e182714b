package fluffy.inference;

import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.BorderInstances;
import fluffy.core.morphology.Components;
import fluffy.core.morphology.LabelCleanup;
import fluffy.models.Hyperparameter;

/**
 * Turns class probabilities into objects. A model with one class {@code object} (binary) is thresholded;
 * a model with {@code background, object, border} (categorical) gives instances through
 * {@link BorderInstances} with the model's settings (its hyperparameters of those names, else the
 * defaults). Without {@code instances} the objects are the connected components of the foreground
 * (background below 0.5), touching objects merged. Then objects smaller than {@code minArea} are removed, holes are
 * filled and labels renumbered 1..n. Labels are ints and never wrap. Other class layouts are left to the
 * model type's own {@code labelMap}.
 *
 * @param minArea objects with fewer pixels are removed (0 keeps all)
 */
public record PostProcessing(boolean instances, int minArea, boolean fillHoles) {

    public static final PostProcessing DEFAULT = new PostProcessing(true, 16, true);

    public LabelMap labels(ClassMaps maps, PredictionModel model) {
        return labels(maps, model, instanceSettings(model));
    }

    /** The objects with other instance settings than the model's own (for tuning them). */
    public LabelMap labels(ClassMaps maps, PredictionModel model, BorderInstances.Settings settings) {
        LabelMap labels = objects(maps, model, settings);
        if (minArea > 1) {
            LabelCleanup.removeSmall(labels, minArea);
        }
        if (fillHoles) {
            LabelCleanup.fillHoles(labels);
        }
        LabelCleanup.renumber(labels);
        return labels;
    }

    /** The model's instance settings: its hyperparameters of those names, else the defaults. */
    public static BorderInstances.Settings instanceSettings(PredictionModel model) {
        return BorderInstances.Settings.from((name, fallback) -> hyperparameter(model, name, fallback));
    }

    private LabelMap objects(ClassMaps maps, PredictionModel model, BorderInstances.Settings settings) {
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
            BorderInstances.Probabilities p = new BorderInstances.Probabilities() {
                @Override
                public float background(int pixel) {
                    return maps.get(0, pixel);
                }

                @Override
                public float object(int pixel) {
                    return maps.get(1, pixel);
                }
            };
            return BorderInstances.objects(w, h, p, settings);
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

    /** The model's value of a hyperparameter when its type declares it, else {@code absent}. */
    private static double hyperparameter(PredictionModel model, String name, double absent) {
        boolean has = model.type().hyperparameters().stream().map(Hyperparameter::name).anyMatch(name::equals);
        return has ? model.description().hyperparameters().real(name) : absent;
    }

    /** The binary model's own threshold hyperparameter when it has one, else 0.5. */
    static float threshold(PredictionModel model) {
        return (float) hyperparameter(model, "threshold", 0.5);
    }
}
