package fluffy.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import fluffy.core.image.Normalization;
import fluffy.models.ModelPackage;
import fluffy.models.ModelType;

/**
 * A trained model ready for prediction: the ONNX bytes that ONNX Runtime runs and what its metadata says
 * (type, hyperparameters, normalisation, classes).
 */
public record PredictionModel(Path file, byte[] onnx, ModelPackage description) {

    /**
     * @param types resolves a model type id, e.g. {@code ModelTypes::require}
     * @throws IOException naming the file when it is not a Fluffy model or its type is not installed
     */
    public static PredictionModel read(Path file, Function<String, ModelType> types) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model file");
        }
        ModelPackage description = ModelPackage.read(file, types);
        if (description.inputChannels() != 1) {
            throw new IOException(file + ": the model takes " + description.inputChannels()
                    + " input channels; prediction feeds one (choose it with --channel)");
        }
        return new PredictionModel(file, Files.readAllBytes(file), description);
    }

    public ModelType type() {
        return description.type();
    }

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
}
