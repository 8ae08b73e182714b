package fluffy.models.unet;

import java.util.ArrayList;
import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.BorderInstances;
import fluffy.core.morphology.BorderInstances.Settings;
import fluffy.core.morphology.ObjectBorders;
import fluffy.models.ClassProbabilities;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * Background, object and border. The border class is each object's dilation XOR erosion, united over
 * objects; it separates touching objects. Outputs become objects through {@link BorderInstances}, with
 * its settings as hyperparameters (stored in the model, so prediction reads them as validation did).
 */
public final class CategoricalUNet implements ModelType {

    public static final String ID = "unet.categorical";
    static final String BORDER_WIDTH = "border_iterations";
    static final String BORDER_WEIGHT = "border_weight";
    private static final int BACKGROUND = 0;
    private static final int OBJECT = 1;
    private static final int BORDER = 2;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Categorical U-Net (instances)";
    }

    @Override
    public String description() {
        return "Background, object and border, softmax output, weighted cross-entropy; separates touching objects.";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        List<Hyperparameter> all = new ArrayList<>(UNetHyperparameters.SHARED);
        // Default 1: a band of 2 leaves small nuclei (radius up to ~4 px, common in dsb2018-fluo) a core under
        // min_seed_area, so they get no seed and are lost. 20-minute runs there: test object F1@0.5 0.77 with
        // 2 (50 steps per epoch), 0.83 with 1 (100 steps per epoch).
        all.add(Hyperparameter.integer(BORDER_WIDTH, "Dilation and erosion iterations that make the border band", 1, 5, 1));
        all.add(Hyperparameter.real(BORDER_WEIGHT, "Cross-entropy weight of the border class (background and object: 1)",
                0.1, 20, 2));
        // How outputs become objects (BorderInstances); they change no weights, only what the F1 counts.
        BorderInstances.Settings d = BorderInstances.Settings.DEFAULT;
        all.add(Hyperparameter.real(Settings.SEED_THRESHOLD, "Object probability a seed pixel needs", 0.5, 0.95,
                d.seedThreshold()));
        all.add(Hyperparameter.real(Settings.FOREGROUND_THRESHOLD,
                "Pixels with a background probability below this belong to an object", 0.1, 0.7,
                d.foregroundThreshold()));
        all.add(Hyperparameter.real(Settings.NECK_FRACTION,
                "Seeds are cut where their inner distance is at most this fraction of their largest (0: never)",
                0, 0.7, d.neckFraction()));
        all.add(Hyperparameter.integer(Settings.MIN_SEED_AREA, "Seeds smaller than this many pixels are noise", 0,
                1000, d.minSeedArea()));
        return all;
    }

    @Override
    public List<String> classes(HyperparameterValues values) {
        return List.of("background", "object", "border");
    }

    @Override
    public NetworkDefinition network(HyperparameterValues values, int inputChannels) {
        float[] weights = {1, 1, (float) values.real(BORDER_WEIGHT)};
        return UNetHyperparameters.network(values, inputChannels, 3, new CategoricalLoss(weights));
    }

    @Override
    public float[] targets(LabelMap labels, HyperparameterValues values) {
        int n = labels.labels().length;
        boolean[] border = ObjectBorders.band(labels, values.integer(BORDER_WIDTH));
        float[] t = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int c = border[i] ? BORDER : labels.labels()[i] != 0 ? OBJECT : BACKGROUND;
            t[c * n + i] = 1;
        }
        return t;
    }

    @Override
    public LabelMap labelMap(float[] probabilities, int width, int height, HyperparameterValues values) {
        return labelMap(ClassProbabilities.of(probabilities, 3, width, height), values);
    }

    /** Reads the background and object probabilities where they are: no float copy of the image's classes. */
    @Override
    public LabelMap labelMap(ClassProbabilities probabilities, HyperparameterValues values) {
        BorderInstances.Probabilities p = new BorderInstances.Probabilities() {
            @Override
            public float background(int pixel) {
                return probabilities.get(BACKGROUND, pixel);
            }

            @Override
            public float object(int pixel) {
                return probabilities.get(OBJECT, pixel);
            }
        };
        return BorderInstances.objects(probabilities.width(), probabilities.height(), p, instanceSettings(values))
                .relabelled();
    }

    /** How this type's outputs become objects, from its hyperparameters. */
    private static BorderInstances.Settings instanceSettings(HyperparameterValues values) {
        return BorderInstances.Settings.from((name, fallback) -> values.real(name));
    }
}
