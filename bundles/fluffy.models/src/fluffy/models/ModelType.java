package fluffy.models;

import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.Components;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * A kind of segmentation model, contributed through the {@code fluffy.models.modelTypes} extension point.
 * It says what the network is, how a label map becomes training targets and how the network's output
 * becomes a label map: prediction asks the type for its objects ({@link #labelMap} for instances,
 * {@link #semanticLabelMap} otherwise) and never looks at class names, so a third-party type brings its
 * own post-processing. It never touches UI, Jobs or ONNX Runtime: training and prediction do that.
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

    /**
     * What the output channels are; by default one channel is {@link OutputLayout#FOREGROUND} and several
     * are {@link OutputLayout#CLASSES} with the background first.
     */
    default OutputLayout outputLayout(HyperparameterValues values) {
        return classes(values).size() == 1 ? OutputLayout.FOREGROUND : OutputLayout.CLASSES;
    }

    /**
     * Instances from the network's probabilities for one image, [classes, height, width]: the type's own
     * step, which separates touching objects when the type can (labels 1..n, any order).
     */
    LabelMap labelMap(float[] probabilities, int width, int height, HyperparameterValues values);

    /**
     * The same, from probabilities read where prediction keeps them. By default they are copied into the
     * float array {@link #labelMap(float[], int, int, HyperparameterValues)} takes; a type that reads them
     * directly saves that copy (three classes of an 8192 x 8192 image: 768 MiB of heap).
     */
    default LabelMap labelMap(ClassProbabilities probabilities, HyperparameterValues values) {
        return labelMap(probabilities.toArray(), probabilities.width(), probabilities.height(), values);
    }

    /** {@link #semanticLabelMap(float[], int, int, HyperparameterValues)} of probabilities kept elsewhere. */
    default LabelMap semanticLabelMap(ClassProbabilities probabilities, HyperparameterValues values) {
        return semanticLabelMap(probabilities.toArray(), probabilities.width(), probabilities.height(), values);
    }

    /**
     * Objects without separating touching ones (prediction without instances): by default the connected
     * components of the foreground its {@link #outputLayout} declares.
     */
    default LabelMap semanticLabelMap(float[] probabilities, int width, int height, HyperparameterValues values) {
        OutputLayout layout = outputLayout(values);
        boolean[] mask = new boolean[width * height];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = layout.isForeground(probabilities, i);
        }
        return Components.label(mask, width, height);
    }
}
