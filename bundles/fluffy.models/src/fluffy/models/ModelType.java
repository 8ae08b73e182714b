package fluffy.models;

import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * A kind of segmentation model, contributed through the {@code fluffy.models.modelTypes} extension point.
 * It says what the network is, how a label map becomes training targets and how the network's output
 * becomes a label map. It never touches UI, Jobs or ONNX Runtime: training and prediction do that.
 * Implementations need a public no-argument constructor and must be stateless.
 */
public interface ModelType {

    /** Stable id stored in model files, e.g. {@code unet.binary}. */
    String id();

    String name();

    String description();

    /** The architecture's hyperparameters with ranges and defaults (training settings are not here). */
    List<Hyperparameter> hyperparameters();

    /** Names of the output channels, e.g. {@code [object]} or {@code [background, object, border]}. */
    List<String> classes(HyperparameterValues values);

    /** The network for these hyperparameters and this many input channels. */
    NetworkDefinition network(HyperparameterValues values, int inputChannels);

    /**
     * Training targets for a whole label map, [classes, height, width] row-major. Computed on the whole
     * map before any cropping so that objects cut by a crop are not given false borders.
     */
    float[] targets(LabelMap labels, HyperparameterValues values);

    /** Objects from the network's probabilities for one image, [classes, height, width]. */
    LabelMap labelMap(float[] probabilities, int width, int height, HyperparameterValues values);
}
