package org.example.fluffy.centers;

import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.Components;
import fluffy.core.morphology.DistanceTransform;
import fluffy.core.morphology.Watershed;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.models.unet.CategoricalLoss;
import fluffy.models.unet.UNet;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * A third-party instance model type with its own post-processing: Fluffy's U-Net as the backbone,
 * trained to tell background, object and the centre of each object (its core, the pixels deepest inside
 * it); instances are the centres, grown through the object pixels by a watershed on the centre
 * probability. Fluffy's prediction knows nothing of this: {@code fluffy predict --instances} asks the type
 * for its objects ({@link #labelMap}), so the type brings its own way of separating touching objects.
 */
public final class CenterSeededNet implements ModelType {

    public static final String ID = "org.example.centers";
    static final String DEPTH = "depth";
    static final String WIDTH = "width";
    static final String CORE = "core_fraction";
    static final String SEED = "seed_threshold";

    private static final int BACKGROUND = 0;
    private static final int OBJECT = 1;
    private static final int CENTER = 2;
    private static final int LEVELS = 256;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Centre-seeded U-Net (example)";
    }

    @Override
    public String description() {
        return "Background, object and object centre; instances grow from the centres, so touching objects "
                + "part where their centres do.";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.integer(DEPTH, "U-Net levels", 2, 5, 3),
                Hyperparameter.integer(WIDTH, "Channels of the first level", 4, 64, 16),
                Hyperparameter.real(CORE, "An object's centre: its pixels at least this fraction of its largest "
                        + "depth inside it", 0.2, 0.9, 0.5),
                Hyperparameter.real(SEED, "Centre probability above which a pixel seeds an object", 0.2, 0.9, 0.5));
    }

    @Override
    public List<String> classes(HyperparameterValues values) {
        return List.of("background", "object", "center");
    }

    @Override
    public NetworkDefinition network(HyperparameterValues values, int inputChannels) {
        return new UNet(inputChannels, 3, values.integer(DEPTH), values.integer(WIDTH), 0, true, 0f,
                new CategoricalLoss(new float[] {1, 1, 2}));
    }

    @Override
    public float[] targets(LabelMap labels, HyperparameterValues values) {
        int w = labels.width();
        int h = labels.height();
        int n = w * h;
        int[] l = labels.labels();
        // Depth inside its own object: a pixel next to another label is on the object's edge too.
        boolean[] inside = new boolean[n];
        for (int i = 0; i < n; i++) {
            inside[i] = l[i] != 0 && same(l, i, i % w, i / w, w, h);
        }
        double[] depth = DistanceTransform.squaredToOutside(inside, w, h);
        double[] deepest = new double[labels.maxLabel() + 1];
        for (int i = 0; i < n; i++) {
            deepest[l[i]] = Math.max(deepest[l[i]], depth[i]);
        }
        double core = values.real(CORE) * values.real(CORE);
        float[] t = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int c = l[i] == 0 ? BACKGROUND : depth[i] >= core * deepest[l[i]] && depth[i] > 0 ? CENTER : OBJECT;
            t[c * n + i] = 1;
        }
        return t;
    }

    private static boolean same(int[] l, int i, int x, int y, int w, int h) {
        return (x == 0 || l[i - 1] == l[i]) && (x == w - 1 || l[i + 1] == l[i]) && (y == 0 || l[i - w] == l[i])
                && (y == h - 1 || l[i + w] == l[i]);
    }

    /**
     * The type's own instance step: seeds are the connected regions of centre probability above the
     * threshold, grown through the foreground (background below one half), lowest level first on
     * 1 − centre probability; foreground regions no seed reaches become objects of their own.
     */
    @Override
    public LabelMap labelMap(float[] probabilities, int width, int height, HyperparameterValues values) {
        int n = width * height;
        float seed = (float) values.real(SEED);
        boolean[] seeds = new boolean[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = probabilities[CENTER * n + i] > seed && probabilities[BACKGROUND * n + i] < 0.5f;
        }
        LabelMap labels = Components.label(seeds, width, height);
        Watershed.flood(labels, i -> probabilities[BACKGROUND * n + i] < 0.5f,
                i -> Math.min(LEVELS - 1, (int) ((1 - probabilities[CENTER * n + i]) * (LEVELS - 1))), LEVELS);
        boolean[] unreached = new boolean[n];
        for (int i = 0; i < n; i++) {
            unreached[i] = labels.labels()[i] == 0 && probabilities[BACKGROUND * n + i] < 0.5f;
        }
        LabelMap rest = Components.label(unreached, width, height);
        int offset = labels.maxLabel();
        for (int i = 0; i < n; i++) {
            if (rest.labels()[i] != 0) {
                labels.labels()[i] = offset + rest.labels()[i];
            }
        }
        return labels;
    }
}
