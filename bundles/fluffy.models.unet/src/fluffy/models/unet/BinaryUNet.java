package fluffy.models.unet;

import java.util.ArrayList;
import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.Components;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.nn.NetworkDefinition;

/** Object versus background; objects of the output are the connected components above the threshold. */
public final class BinaryUNet implements ModelType {

    public static final String ID = "unet.binary";
    static final String DICE_WEIGHT = "dice_weight";
    static final String THRESHOLD = "threshold";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Binary U-Net (semantic)";
    }

    @Override
    public String description() {
        return "Object versus background, sigmoid output, binary cross-entropy plus soft Dice.";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        List<Hyperparameter> all = new ArrayList<>(UNetHyperparameters.SHARED);
        all.add(Hyperparameter.real(DICE_WEIGHT, "Weight of the soft Dice term added to cross-entropy", 0, 1, 0.5));
        all.add(Hyperparameter.real(THRESHOLD, "Object probability above which a pixel is object", 0.05, 0.95, 0.5));
        return all;
    }

    @Override
    public List<String> classes(HyperparameterValues values) {
        return List.of("object");
    }

    @Override
    public NetworkDefinition network(HyperparameterValues values, int inputChannels) {
        return UNetHyperparameters.network(values, inputChannels, 1, new BinaryLoss((float) values.real(DICE_WEIGHT)));
    }

    @Override
    public float[] targets(LabelMap labels, HyperparameterValues values) {
        int[] l = labels.labels();
        float[] t = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            t[i] = l[i] != 0 ? 1 : 0;
        }
        return t;
    }

    @Override
    public LabelMap labelMap(float[] probabilities, int width, int height, HyperparameterValues values) {
        float threshold = (float) values.real(THRESHOLD);
        boolean[] mask = new boolean[width * height];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = probabilities[i] > threshold;
        }
        return Components.label(mask, width, height);
    }

    /** The same objects: thresholding at the type's own threshold never separates touching objects. */
    @Override
    public LabelMap semanticLabelMap(float[] probabilities, int width, int height, HyperparameterValues values) {
        return labelMap(probabilities, width, height, values);
    }
}
