package fluffy.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.models.ModelPackage;
import fluffy.models.ModelType;

/**
 * A model trained by Fluffy: its ONNX bytes and what its metadata says (type, hyperparameters,
 * normalisation, classes). Input [batch, 1, height, width] normalised by the image's percentiles, output the
 * type's class probabilities, objects by the type's own instance step.
 */
public record FluffyModel(Path file, byte[] onnx, ModelPackage description) implements PredictionModel {

    /**
     * @param types resolves a model type id, e.g. {@code ModelTypes::require}
     * @throws IOException naming the file when it is not a Fluffy model or its type is not installed
     */
    public static FluffyModel read(Path file, Function<String, ModelType> types) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model file");
        }
        ModelPackage description = ModelPackage.read(file, types);
        return new FluffyModel(file, Files.readAllBytes(file), description);
    }

    public ModelType type() {
        return description.type();
    }

    @Override
    public String describe() {
        return type().id();
    }

    @Override
    public double objectDiameter() {
        return description.objectDiameter();
    }

    @Override
    public List<String> classes() {
        return description.type().classes(description.hyperparameters());
    }

    public Normalization normalization() {
        return description.normalization();
    }

    /** Tile sides must be multiples of this: 2 to the number of poolings. */
    public int sizeMultiple() {
        return description.type().network(description.hyperparameters(), 1).sizeMultiple();
    }

    @Override
    public ChannelSelection channels() {
        return description.channels();
    }

    @Override
    public int inputChannels() {
        return description.inputChannels();
    }

    @Override
    public TensorLayout inputLayout() {
        return TensorLayout.BCYX;
    }

    @Override
    public TensorLayout outputLayout() {
        return TensorLayout.BCYX;
    }

    @Override
    public String outputName() {
        return null;
    }

    @Override
    public TileRule tiles() {
        return TileRule.multiplesOf(sizeMultiple());
    }

    @Override
    public int outputChannels() {
        return classes().size();
    }

    @Override
    public Normalization.Scaling displayScaling(float[] data) {
        return normalization().scaling(data);
    }

    /**
     * Each channel by its own percentiles, applied tile by tile: no normalised copy of an image that may be
     * huge.
     */
    @Override
    public Input prepare(List<Plane> image) {
        return prepare(image, image.stream().map(p -> normalization().scaling(p.data())).toList());
    }

    /**
     * Each channel by a given scaling: how the bands of an image too large to hold are prepared, with the
     * percentiles of the whole image ({@link fluffy.core.image.StreamingQuantiles}).
     */
    public Input prepare(List<Plane> image, List<Normalization.Scaling> scaling) {
        int n = image.size();
        float[][] data = new float[n][];
        for (int c = 0; c < n; c++) {
            data[c] = image.get(c).data();
        }
        if (n == 1) {
            Normalization.Scaling only = scaling.get(0);
            float[] plane = data[0];
            return (c, i) -> only.apply(plane[i]);
        }
        return (c, i) -> scaling.get(c).apply(data[c][i]);
    }

    @Override
    public Outputs outputs(int width, int height) {
        return new ClassMaps(width, height, classes());
    }

    @Override
    public Segmented segment(Outputs outputs, Input input, PostProcessing post, boolean keepMaps) {
        ClassMaps maps = (ClassMaps) outputs;
        return new Segmented(post.labels(maps, type(), description.hyperparameters()), keepMaps ? maps : null);
    }
}
