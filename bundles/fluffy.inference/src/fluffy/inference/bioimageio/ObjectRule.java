package fluffy.inference.bioimageio;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.BorderInstances;
import fluffy.core.morphology.Components;
import fluffy.inference.ClassMaps;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel.Segmented;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;

/**
 * How a package's output (after its post-processing) becomes objects. In this order:
 * <ol>
 * <li>an integer output is a label image, taken as it is (0 background); it is predicted in one pass, since
 * tiles would number their labels independently;</li>
 * <li>a package exported by Fluffy ({@code config.fluffy.model_type} installed, channels its classes) is read
 * by its model type with its hyperparameters, so it gives exactly the objects of the original model;</li>
 * <li>channels named {@code background}, {@code object} (or {@code foreground}) and {@code border} (or
 * {@code boundary}) are read as Fluffy's categorical U-Net is: seeds where {@code object} is sure, cut at
 * necks, grown over the foreground;</li>
 * <li>a single channel, or the one named {@code object}/{@code foreground}, is a foreground probability:
 * thresholded at 0.5 and split where the objects narrow (seeds are the foreground cut at necks, grown back
 * over it).</li>
 * </ol>
 * Without {@code --instances}, as for Fluffy's models, objects are the connected foreground. Anything else
 * (e.g. distance maps or several unnamed channels) is refused with the channels it has.
 */
abstract sealed class ObjectRule {

    /** The split of a foreground probability: seeds are the foreground itself, cut where it narrows. */
    static final BorderInstances.Settings FOREGROUND_SPLIT = new BorderInstances.Settings(0.5, 0.5, 0.4, 8);

    abstract String describe();

    /** Names of the class maps {@link #segment} gives; empty for a label image. */
    abstract List<String> classes(TensorDescription output);

    boolean needsWholeImage() {
        return false;
    }

    abstract Segmented segment(FloatPlanes t, TensorDescription output, PostProcessing post, boolean keepMaps);

    static ObjectRule choose(TensorDescription out, Object config, Function<String, ModelType> types) {
        List<String> names = out.channelNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        if (out.isInteger()) {
            if (out.channels() != 1) {
                throw new IllegalArgumentException("output '" + out.name() + "' is a " + out.dataType() + " image of "
                        + out.channels() + " channels; a label image has one");
            }
            return new Labels();
        }
        ObjectRule own = fluffyType(config, out, types);
        if (own != null) {
            return own;
        }
        int background = index(names, "background");
        int object = Math.max(index(names, "object"), index(names, "foreground"));
        int border = Math.max(index(names, "border"), index(names, "boundary"));
        if (background >= 0 && object >= 0 && border >= 0) {
            return FromProbabilities.categorical(background, object);
        }
        if (out.channels() == 1) {
            return FromProbabilities.foreground(0);
        }
        if (object >= 0) {
            return FromProbabilities.foreground(object);
        }
        throw new IllegalArgumentException("output '" + out.name() + "' has " + out.channels() + " channels"
                + (names.isEmpty() ? " without names" : " named " + names) + "; Fluffy makes objects from a label "
                + "image, one foreground channel, a channel named object or foreground, or background/object/border");
    }

    private static int index(List<String> names, String name) {
        return names.indexOf(name);
    }

    /** The package's own Fluffy model type, when it names one that is installed and its channels fit. */
    @SuppressWarnings("unchecked")
    private static ObjectRule fluffyType(Object config, TensorDescription out, Function<String, ModelType> types) {
        if (!(config instanceof Map<?, ?> c) || !(c.get("fluffy") instanceof Map<?, ?> fluffy)) {
            return null;
        }
        Object id = fluffy.get("model_type");
        if (id == null) {
            return null;
        }
        ModelType type;
        try {
            type = types.apply(String.valueOf(id));
        } catch (RuntimeException e) {
            return null; // not installed here: the channel names decide
        }
        Object encoded = ((Map<String, Object>) fluffy).getOrDefault("hyperparameters", "");
        HyperparameterValues values = HyperparameterValues.decode(type.hyperparameters(), String.valueOf(encoded));
        if (!type.classes(values).equals(out.channelNames())) {
            return null;
        }
        return new OwnType(type, values);
    }

    private static ClassMaps maps(FloatPlanes t, List<String> names) {
        return BioImageIoModel.maps(t, names);
    }

    /** Names for unnamed channels: {@code foreground} for one, else {@code channel 1}, .... */
    static List<String> named(TensorDescription output) {
        if (!output.channelNames().isEmpty()) {
            return output.channelNames();
        }
        return output.channels() == 1 ? List.of("foreground")
                : java.util.stream.IntStream.rangeClosed(1, output.channels()).mapToObj(i -> "channel " + i).toList();
    }

    static final class Labels extends ObjectRule {
        @Override
        String describe() {
            return "from its label image";
        }

        @Override
        List<String> classes(TensorDescription output) {
            return List.of();
        }

        @Override
        boolean needsWholeImage() {
            return true;
        }

        @Override
        Segmented segment(FloatPlanes t, TensorDescription output, PostProcessing post, boolean keepMaps) {
            int[] labels = new int[t.pixels()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Math.max(0, Math.round(t.get(0, i)));
            }
            return new Segmented(post.cleaned(new LabelMap(t.width, t.height, labels)), null);
        }
    }

    static final class OwnType extends ObjectRule {
        private final ModelType type;
        private final HyperparameterValues values;

        OwnType(ModelType type, HyperparameterValues values) {
            this.type = type;
            this.values = values;
        }

        @Override
        String describe() {
            return "by Fluffy's " + type.id();
        }

        @Override
        List<String> classes(TensorDescription output) {
            return output.channelNames();
        }

        @Override
        Segmented segment(FloatPlanes t, TensorDescription output, PostProcessing post, boolean keepMaps) {
            ClassMaps maps = maps(t, output.channelNames());
            return new Segmented(post.labels(maps, type, values), keepMaps ? maps : null);
        }
    }

    /**
     * Objects from probabilities: seeds where the object channel is sure (cut at necks), grown over the pixels
     * whose background probability is below the settings' threshold; without instances, the connected pixels
     * whose background is below 0.5. A foreground-only output's background is 1 - foreground.
     */
    static final class FromProbabilities extends ObjectRule {
        private final int background;
        private final int object;
        private final BorderInstances.Settings settings;

        /** @param background the background channel, or -1: one minus the object channel */
        FromProbabilities(int background, int object, BorderInstances.Settings settings) {
            this.background = background;
            this.object = object;
            this.settings = settings;
        }

        static FromProbabilities categorical(int background, int object) {
            return new FromProbabilities(background, object, BorderInstances.Settings.DEFAULT);
        }

        static FromProbabilities foreground(int channel) {
            return new FromProbabilities(-1, channel, FOREGROUND_SPLIT);
        }

        @Override
        String describe() {
            return background < 0 ? "from a foreground probability" : "from background/object/border";
        }

        @Override
        List<String> classes(TensorDescription output) {
            return named(output);
        }

        @Override
        Segmented segment(FloatPlanes t, TensorDescription output, PostProcessing post, boolean keepMaps) {
            ClassMaps maps = maps(t, named(output));
            BorderInstances.Probabilities p = new BorderInstances.Probabilities() {
                @Override
                public float background(int pixel) {
                    return background < 0 ? 1 - maps.get(object, pixel) : maps.get(background, pixel);
                }

                @Override
                public float object(int pixel) {
                    return maps.get(object, pixel);
                }
            };
            LabelMap labels;
            if (post.instances()) {
                labels = BorderInstances.objects(t.width, t.height, p, settings);
            } else {
                boolean[] mask = new boolean[t.pixels()];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = p.background(i) < 0.5f;
                }
                labels = Components.label(mask, t.width, t.height);
            }
            return new Segmented(post.cleaned(labels), keepMaps ? maps : null);
        }
    }
}
