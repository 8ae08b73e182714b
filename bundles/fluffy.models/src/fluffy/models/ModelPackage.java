package fluffy.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Normalization;
import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.ModelFile;
import fluffy.onnx.Tensor;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.ParameterSpec;
import fluffy.onnx.nn.Weights;
import fluffy.core.files.AtomicFiles;

/**
 * A trained model on disk. {@code <name>.onnx} is a self-contained inference model (weights as
 * initializers; image in, probabilities out) that any ONNX Runtime runs, with metadata saying what it
 * is: model type, hyperparameters, input normalisation, classes and a training summary. Beside it,
 * {@code <name>.state.onnx} holds what resuming training needs (optimizer state and step count) as
 * initializers of an otherwise empty ONNX graph. Both are written atomically.
 *
 * @param training   free-form summary of how the model was trained (keys without the prefix)
 * @param resume     optimizer state and completed steps, or null when the model cannot be resumed
 */
public record ModelPackage(ModelType type, HyperparameterValues hyperparameters, int inputChannels,
        Normalization normalization, Weights weights, Map<String, String> training, ResumeState resume) {

    public static final String FORMAT = "fluffy.format";
    public static final String TYPE = "fluffy.model_type";
    public static final String HYPERPARAMETERS = "fluffy.hyperparameters";
    public static final String INPUT_CHANNELS = "fluffy.input_channels";
    /** Model files are protobuf messages, which cannot exceed 2 GiB. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE;
    /** More than any microscope's channels; bounds what a model's metadata can make us allocate. */
    static final int MAX_INPUT_CHANNELS = 64;
    public static final String NORMALIZATION = "fluffy.normalization";
    public static final String CLASSES = "fluffy.classes";
    public static final String TRAINING_PREFIX = "fluffy.training.";
    /**
     * Training summary key: the median object diameter (pixels, of the disc of the same area) of the training
     * label maps, the scale the model knows.
     */
    public static final String OBJECT_DIAMETER = "object_diameter";
    /**
     * Training summary key: the image channels the model takes, 1-based in its order (e.g. {@code 2,1}); absent
     * for a one-channel model trained on grey planes.
     */
    public static final String CHANNELS = "channels";
    private static final String STEPS = "fluffy.completed_steps";
    private static final String OPTIMIZER = "fluffy.optimizer";

    /** Optimizer state for resuming: slots by name, steps taken, optimizer id. */
    public record ResumeState(Weights optimizerState, long completedSteps, String optimizer) {
    }

    public ModelPackage {
        training = Map.copyOf(training);
    }

    /**
     * The median object diameter of the training data in pixels, or NaN when the model does not record it (made
     * before it was recorded) or records something that is no plausible diameter (outside 1 to 10,000).
     */
    public double objectDiameter() {
        try {
            double d = Double.parseDouble(training.getOrDefault(OBJECT_DIAMETER, "NaN"));
            return d >= 1 && d <= 10_000 ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The channels the model takes: its record when there is one, else the default grey plane (a one-channel
     * model), else the first {@code inputChannels} channels.
     */
    public ChannelSelection channels() {
        String recorded = training.get(CHANNELS);
        if (recorded != null) {
            try {
                ChannelSelection c = ChannelSelection.parse(recorded);
                if (c.count() == inputChannels) {
                    return c;
                }
            } catch (IllegalArgumentException e) {
                // a damaged note: fall back to what the network's shape says
            }
        }
        return inputChannels == 1 ? ChannelSelection.DEFAULT
                : new ChannelSelection(java.util.stream.IntStream.range(0, inputChannels).boxed().toList());
    }

    /** The same model with its training summary's object diameter set (e.g. measured after the fact). */
    public ModelPackage withObjectDiameter(double diameter) {
        Map<String, String> t = new LinkedHashMap<>(training);
        t.put(OBJECT_DIAMETER, String.format(java.util.Locale.ROOT, "%.2f", diameter));
        return new ModelPackage(type, hyperparameters, inputChannels, normalization, weights, t, resume);
    }

    /** The metadata written into the inference model. */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FORMAT, "1");
        m.put(TYPE, type.id());
        m.put(HYPERPARAMETERS, hyperparameters.encode());
        m.put(INPUT_CHANNELS, Integer.toString(inputChannels));
        m.put(NORMALIZATION, normalization.encode());
        m.put(CLASSES, String.join(",", type.classes(hyperparameters)));
        training.forEach((k, v) -> m.put(TRAINING_PREFIX + k, v));
        return m;
    }

    /** The inference model as ONNX bytes. */
    public byte[] inferenceModel() {
        return Graphs.export(type.network(hyperparameters, inputChannels), weights, metadata()).model().toBytes();
    }

    /** Writes {@code file} (the inference model) and, with resume state, its {@code .state.onnx} sidecar. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, inferenceModel());
        if (resume != null) {
            Graph state = new Graph("training_state");
            for (String name : resume.optimizerState().names()) {
                state.initializer(name, resume.optimizerState().tensor(name));
            }
            Map<String, String> meta = Map.of(TYPE, type.id(), STEPS, Long.toString(resume.completedSteps()),
                    OPTIMIZER, resume.optimizer());
            AtomicFiles.write(stateFile(file), new Model(state, meta, "Fluffy training state").toBytes());
        }
    }

    /** Where the resume state of a model file lives. */
    public static Path stateFile(Path modelFile) {
        String name = modelFile.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return modelFile.resolveSibling(stem + ".state.onnx");
    }

    /**
     * Reads a model file (and its state sidecar when present), resolving the model type by id.
     *
     * @throws IOException naming the file when it is not a Fluffy model or its type is not installed
     */
    public static ModelPackage read(Path file, java.util.function.Function<String, ModelType> types) throws IOException {
        ModelFile model;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ModelFile.Refused(size + " bytes, more than an ONNX model file can hold (2 GiB)");
            }
            model = ModelFile.parse(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": no such model file", e);
        } catch (ModelFile.Refused e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // The protobuf parser's own words ("end-group tag did not match") name neither the file nor the fix.
            throw new IOException(file + ": not an ONNX model file, or a damaged one (" + e.getMessage() + "); give the "
                    + "model.onnx of a training run, or a model exported by fluffy export", e);
        }
        Map<String, String> meta = model.metadata();
        String typeId = meta.get(TYPE);
        if (typeId == null) {
            throw new IOException(file + (file.getFileName().toString().endsWith(".state.onnx")
                    ? ": a training checkpoint's optimizer state, not a model; give the run's model.onnx"
                    : ": an ONNX model without Fluffy's metadata (no " + TYPE + "); only models trained by Fluffy "
                            + "(a run's model.onnx) can be used here"));
        }
        try {
            ModelType type = types.apply(typeId);
            HyperparameterValues values = HyperparameterValues.decode(type.hyperparameters(),
                    meta.getOrDefault(HYPERPARAMETERS, ""));
            int inputChannels = bounded(meta.getOrDefault(INPUT_CHANNELS, "1"), INPUT_CHANNELS, MAX_INPUT_CHANNELS);
            Weights weights = new Weights();
            for (ParameterSpec spec : Graphs.specs(type.network(values, inputChannels))) {
                Tensor t = model.initializers().get(spec.name());
                if (t == null || t.type() != DataType.FLOAT) {
                    throw new IOException(file + ": the model lacks the weights '" + spec.name() + "'");
                }
                if (!java.util.Arrays.equals(t.dims(), spec.shape())) {
                    throw new IOException(file + ": the weights '" + spec.name() + "' are "
                            + java.util.Arrays.toString(t.dims()) + ", but its metadata describe a network that needs "
                            + java.util.Arrays.toString(spec.shape()));
                }
                weights.put(spec.name(), t.dims(), t.toFloats());
            }
            Map<String, String> training = new LinkedHashMap<>();
            meta.forEach((k, v) -> {
                if (k.startsWith(TRAINING_PREFIX)) {
                    training.put(k.substring(TRAINING_PREFIX.length()), v);
                }
            });
            return new ModelPackage(type, values, inputChannels,
                    Normalization.decode(meta.getOrDefault(NORMALIZATION, Normalization.DEFAULT.encode())), weights,
                    training, readState(stateFile(file)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A whole number from a model's metadata, 1..max: the metadata are as untrusted as the file. */
    private static int bounded(String value, String key, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is '" + value + "', not a whole number");
        }
        if (n < 1 || n > max) {
            throw new IllegalArgumentException(key + " is " + n + ", outside 1.." + max);
        }
        return n;
    }

    private static ResumeState readState(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        ModelFile state = ModelFile.parse(Files.readAllBytes(file));
        Weights slots = new Weights();
        state.initializers().forEach((name, t) -> slots.put(name, t.dims(), t.toFloats()));
        return new ResumeState(slots, Long.parseLong(state.metadata().getOrDefault(STEPS, "0")),
                state.metadata().getOrDefault(OPTIMIZER, "adam"));
    }
}
