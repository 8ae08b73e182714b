package fluffy.models.unet;

import java.util.ArrayList;
import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * The categorical U-Net's classes, targets and instances (background, object, border; {@link CategoricalUNet})
 * on a {@link ResidualUNet}.
 */
public final class ResidualCategoricalUNet implements ModelType {

    public static final String ID = "unet.residual";
    static final String BOTTLENECK_BLOCKS = "bottleneck_blocks";

    private final CategoricalUNet categorical = new CategoricalUNet();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Residual U-Net (instances)";
    }

    @Override
    public String description() {
        return "The categorical U-Net's background, object and border classes on a U-Net of residual blocks with a deeper bottleneck.";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        List<Hyperparameter> all = new ArrayList<>(categorical.hyperparameters());
        all.add(UNetHyperparameters.SHARED.size(), Hyperparameter.integer(BOTTLENECK_BLOCKS,
                "Residual blocks at the deepest level", 1, 4, 2));
        return all;
    }

    @Override
    public List<String> classes(HyperparameterValues values) {
        return categorical.classes(values);
    }

    @Override
    public NetworkDefinition network(HyperparameterValues v, int inputChannels) {
        float[] weights = {1, 1, (float) v.real(CategoricalUNet.BORDER_WEIGHT)};
        return new ResidualUNet(inputChannels, 3, v.integer(UNetHyperparameters.DEPTH), v.integer(UNetHyperparameters.WIDTH),
                v.integer(UNetHyperparameters.LAST_WIDTH), v.flag(UNetHyperparameters.BATCH_NORM),
                (float) v.real(UNetHyperparameters.DROPOUT), v.integer(BOTTLENECK_BLOCKS), new CategoricalLoss(weights));
    }

    @Override
    public float[] targets(LabelMap labels, HyperparameterValues values) {
        return categorical.targets(labels, values);
    }

    @Override
    public LabelMap labelMap(float[] probabilities, int width, int height, HyperparameterValues values) {
        return categorical.labelMap(probabilities, width, height, values);
    }

    @Override
    public LabelMap labelMap(fluffy.models.ClassProbabilities probabilities, HyperparameterValues values) {
        return categorical.labelMap(probabilities, values);
    }
}
