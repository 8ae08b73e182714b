package fluffy.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.bioimageio.BioImageIoModel;
import fluffy.models.ModelType;

/**
 * A model ready for prediction, whoever made it: the ONNX bytes that ONNX Runtime runs and what
 * {@link Predictor} must know around them: the tensors' axes, the sizes the network takes, how an image
 * becomes its input and how its output becomes objects. A Fluffy model ({@link FluffyModel}) or a
 * bioimage.io package ({@link BioImageIoModel}).
 */
public interface PredictionModel {

    /** An image prepared as the network's input: the value of pixel {@code index} (row-major) of a channel. */
    interface Input {
        float at(int channel, int index);
    }

    /** Where {@link Predictor} puts the network's output, channel by channel, pixel by pixel. */
    interface Outputs {
        void set(int channel, int index, float value);
    }

    /** The objects of one image and, when asked for and the model has them, its class probabilities. */
    record Segmented(LabelMap labels, ClassMaps maps) {
    }

    /**
     * Reads a model: a bioimage.io package ({@code .zip}, or its {@code rdf.yaml}) or a Fluffy model file.
     *
     * @param types resolves a Fluffy model type id, e.g. {@code ModelTypes::require}
     * @throws IOException naming the file and the reason when it cannot be used
     */
    static PredictionModel read(Path file, Function<String, ModelType> types) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            return BioImageIoModel.read(file, types);
        }
        return FluffyModel.read(file, types);
    }

    Path file();

    byte[] onnx();

    /** What log lines call it: a Fluffy model type's id, or the package's name. */
    String describe();

    /** The median object diameter (pixels) of the training data, NaN when the model does not say. */
    double objectDiameter();

    /** The image channels the model takes, in its order ({@link ChannelSelection#DEFAULT}: one grey plane). */
    ChannelSelection channels();

    /** Planes of the network's input: as many as {@link #channels()} selects. */
    int inputChannels();

    TensorLayout inputLayout();

    TensorLayout outputLayout();

    /** The output tensor to read, by name; null: the first. */
    String outputName();

    TileRule tiles();

    /** Channels of the network's output. */
    int outputChannels();

    /** Names of the class maps {@link #segment} gives (the planes of a probabilities file); empty: none. */
    List<String> classes();

    /** How an overlay shows the image: the model's own input normalisation where it has a simple one. */
    Normalization.Scaling displayScaling(float[] data);

    /** @param image one plane per input channel, in the model's order */
    Input prepare(List<Plane> image);

    /** Where the network's output for an image of this size goes. */
    Outputs outputs(int width, int height);

    /** Objects from the network's whole-image output, with the class maps when {@code keepMaps}. */
    Segmented segment(Outputs outputs, Input input, PostProcessing post, boolean keepMaps);
}
