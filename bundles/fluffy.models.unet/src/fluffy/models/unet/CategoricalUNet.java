package fluffy.models.unet;

import java.util.ArrayList;
import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.Components;
import fluffy.core.morphology.ObjectBorders;
import fluffy.core.morphology.SeededGrowth;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * Background, object and border. The border class is each object's dilation XOR erosion, united over
 * objects; it separates touching objects. Output objects are grown from the components of the object
 * class (seeds) over every pixel that is not background, lowest object probability last: a seeded
 * watershed on the object probability.
 */
public final class CategoricalUNet implements ModelType {

    public static final String ID = "unet.categorical";
    static final String BORDER_WIDTH = "border_iterations";
    static final String BORDER_WEIGHT = "border_weight";
    static final String MIN_SEED_AREA = "min_seed_area";
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
        all.add(Hyperparameter.integer(MIN_SEED_AREA, "Object cores smaller than this many pixels are noise, not seeds",
                0, 1000, 15));
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
        int n = width * height;
        boolean[] seeds = new boolean[n];
        boolean[] foreground = new boolean[n];
        float[] priority = new float[n];
        for (int i = 0; i < n; i++) {
            float bg = probabilities[BACKGROUND * n + i];
            float object = probabilities[OBJECT * n + i];
            float border = probabilities[BORDER * n + i];
            seeds[i] = object > bg && object > border;
            foreground[i] = bg < 0.5f;
            priority[i] = 1 - object;
        }
        LabelMap cores = Components.label(seeds, width, height);
        return SeededGrowth.grow(withoutSmall(cores, values.integer(MIN_SEED_AREA)), foreground, priority).relabelled();
    }

    /** The label map with objects of fewer than {@code minArea} pixels set to background. */
    private static LabelMap withoutSmall(LabelMap labels, int minArea) {
        if (minArea <= 1) {
            return labels;
        }
        int[] l = labels.labels().clone();
        int[] area = new int[labels.maxLabel() + 1];
        for (int v : l) {
            area[v]++;
        }
        for (int i = 0; i < l.length; i++) {
            if (area[l[i]] < minArea) {
                l[i] = 0;
            }
        }
        return new LabelMap(labels.width(), labels.height(), l);
    }
}
