package fluffy.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fluffy.core.workspace.Workspace;
import fluffy.inference.BatchPrediction;
import fluffy.inference.InputType;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.TileSettings;
import fluffy.jobs.PredictionJob;
import fluffy.models.ModelTypes;
import fluffy.runtime.Device;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.DeviceUnavailableException;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.TrainingRun;

/**
 * Prediction from the workbench, through the same API as {@code fluffy predict}: which models a workspace
 * offers, where their predictions go ({@code Predictions/<run>/}), and the {@link PredictionJob} that
 * writes them. Instances are separated (seeded watershed) as the editor and the results need objects.
 */
public final class WorkbenchPrediction {

    /** Where the workbench writes predictions: {@code <workspace>/Predictions/<name>/<stem>.tif}. */
    public static final String PREDICTIONS = "Predictions";
    /** Where the workbench puts training runs: {@code <workspace>/Runs/<name>}. */
    public static final String RUNS = "Runs";

    private WorkbenchPrediction() {
    }

    /**
     * The {@code model.onnx} of the workspace's runs, newest first, then {@code extra} (the preference) if
     * set, then the bundled default model when it is installed.
     */
    public static List<Path> models(Workspace ws, String extra) throws IOException {
        List<Path> models = new ArrayList<>();
        Path runs = ws.root().resolve(RUNS);
        if (Files.isDirectory(runs)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(runs, Files::isDirectory)) {
                for (Path run : folders) {
                    Path model = run.resolve(TrainingRun.MODEL_FILE);
                    if (Files.isRegularFile(model)) {
                        models.add(model);
                    }
                }
            }
        }
        models.sort(Comparator.comparing(WorkbenchPrediction::modified).reversed());
        if (extra != null && !extra.isBlank()) {
            Path p = Path.of(extra.strip()).toAbsolutePath().normalize();
            if (Files.isRegularFile(p) && !models.contains(p)) {
                models.add(p);
            }
        }
        // Last the bundled default model, so a workspace without a trained run can still be predicted and
        // its predictions corrected instead of drawn.
        fluffy.inference.DefaultModel.find().ifPresent(models::add);
        return models;
    }

    /** {@code Predictions/<name>}: the model's run folder name, or the file name without {@code .onnx}. */
    public static Path outputFolder(Workspace ws, Path model) {
        String file = model.getFileName().toString();
        Path parent = model.toAbsolutePath().getParent();
        String name = file.equals(TrainingRun.MODEL_FILE) && parent != null && parent.getFileName() != null
                ? parent.getFileName().toString() : file.replaceFirst("\\.onnx$", "");
        return ws.root().resolve(PREDICTIONS).resolve(name);
    }

    /**
     * The job predicting {@code inputs} into {@code output}. Reads the model and resolves the device, which
     * may probe CUDA for seconds: call it off the UI thread.
     *
     * @throws IOException                naming the model when it cannot be read or its type is not installed
     * @throws DeviceUnavailableException when CUDA was asked for and cannot be used
     */
    public static PredictionJob job(Path model, List<Path> inputs, Path output, String device, int threads)
            throws IOException, DeviceUnavailableException {
        PredictionModel read = PredictionModel.read(model, ModelTypes::require);
        SessionSettings session = new SessionSettings(Devices.choose(DeviceRequest.parse(device)), threads);
        // As fluffy predict: on the CPU a batch of tiles is no faster than one and doubles the memory.
        boolean cpu = session.device().device() instanceof Device.Cpu;
        TileSettings tiles = new TileSettings(TileSettings.DEFAULT.tile(), TileSettings.DEFAULT.overlap(), cpu ? 1 : 4);
        return new PredictionJob(read, session, tiles, new BatchPrediction.Request(inputs, output, InputType.FRAME, -1,
                PostProcessing.DEFAULT, false));
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
