package fluffy.ui.navigator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.image.ImageFiles;
import fluffy.core.workspace.Workspace;
import fluffy.runtime.DeviceRequest;
import fluffy.ui.WorkbenchPrediction;

/**
 * What the Predict dialog edits: the model, which of the workspace's images, the output folder under
 * {@code Predictions/}, the device and threads. {@link #problems()} says what stops it in words.
 */
public final class PredictPlan {

    /** Which images of the workspace are predicted. */
    public enum Images {
        TRAINING("Training images (Processed/images): scored against their label maps"),
        LABELLING("Images to annotate (Labeling/): predictions to correct in the editor"),
        RAW("Raw images (Raw/)");

        public final String text;

        Images(String text) {
            this.text = text;
        }
    }

    private final Workspace workspace;
    public Path model;
    public Images images = Images.TRAINING;
    public String outputName = "";
    public String device = "auto";
    public int threads = Runtime.getRuntime().availableProcessors();

    public PredictPlan(Workspace workspace, Path model) {
        this.workspace = workspace;
        setModel(model);
    }

    /** Switches the model; the output folder follows it (its run's name). */
    public void setModel(Path newModel) {
        model = newModel;
        outputName = newModel == null ? "" : WorkbenchPrediction.outputFolder(workspace, newModel).getFileName().toString();
    }

    public Path outputFolder() {
        return workspace.predictions(outputName.strip());
    }

    /** The image files to predict, in natural order. */
    public List<Path> inputs() throws IOException {
        return switch (images) {
            case TRAINING -> Files.isDirectory(workspace.processedImages()) ? ImageFiles.list(workspace.processedImages())
                    : List.of();
            case LABELLING -> {
                List<Path> files = new ArrayList<>();
                for (String name : workspace.labelingItems()) {
                    if (Files.isRegularFile(workspace.labelingImage(name))) {
                        files.add(workspace.labelingImage(name));
                    }
                }
                yield files;
            }
            case RAW -> workspace.rawFiles(fluffy.io.ImageFormats.platform()::claims);
        };
    }

    /** Everything that stops the prediction, one sentence each; empty when it can run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (model == null || !Files.isRegularFile(model)) {
            problems.add("Choose a model file (a run's model.onnx).");
        }
        if (!outputName.strip().matches("[A-Za-z0-9._-]+")) {
            problems.add("The output folder name must be letters, digits, '.', '_' or '-'.");
        }
        try {
            if (inputs().isEmpty()) {
                problems.add("There are no " + images.name().toLowerCase(java.util.Locale.ROOT) + " images to predict.");
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        try {
            DeviceRequest.parse(device);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (threads < 1) {
            problems.add("Threads must be at least 1.");
        }
        return problems;
    }
}
