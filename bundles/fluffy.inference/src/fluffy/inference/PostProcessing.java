package fluffy.inference;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.BorderInstances;
import fluffy.core.morphology.LabelCleanup;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;

/**
 * Turns class probabilities into objects through the model's type: with {@code instances} its own
 * instance step ({@link fluffy.models.ModelType#labelMap}: the categorical U-Net's seeds cut at necks, a
 * third-party type's own), without the connected components of the foreground its output layout declares
 * (touching objects merged). Then objects smaller than {@code minArea} are removed, holes are filled and
 * labels renumbered 1..n. Labels are ints and never wrap.
 *
 * @param minArea objects with fewer pixels are removed (0 keeps all)
 */
public record PostProcessing(boolean instances, int minArea, boolean fillHoles) {

    public static final PostProcessing DEFAULT = new PostProcessing(true, 16, true);

    public LabelMap labels(ClassMaps maps, FluffyModel model) {
        return labels(maps, model.type(), model.description().hyperparameters());
    }

    /** The objects of a model type with given hyperparameter values (to tune a model's instance settings). */
    public LabelMap labels(ClassMaps maps, ModelType type, HyperparameterValues values) {
        // The maps as they are (16-bit): a type that reads them there needs no float copy of every class.
        LabelMap labels = instances ? type.labelMap(maps, values) : type.semanticLabelMap(maps, values);
        return cleaned(labels);
    }

    /** Small objects removed, holes filled (as asked) and labels renumbered 1..n, in place. */
    public LabelMap cleaned(LabelMap labels) {
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
    public static BorderInstances.Settings instanceSettings(FluffyModel model) {
        return BorderInstances.Settings.from((name, fallback) -> hyperparameter(model, name, fallback));
    }

    /** The model's value of a hyperparameter when its type declares it, else {@code absent}. */
    private static double hyperparameter(FluffyModel model, String name, double absent) {
        boolean has = model.type().hyperparameters().stream().map(Hyperparameter::name).anyMatch(name::equals);
        return has ? model.description().hyperparameters().real(name) : absent;
    }
}
