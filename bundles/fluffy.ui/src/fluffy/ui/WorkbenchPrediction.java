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
import fluffy.inference.PredictionsFolder;
import fluffy.inference.TileSettings;
import fluffy.jobs.PredictionJob;
import fluffy.models.ModelTypes;
import fluffy.runtime.Device;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.DeviceUnavailableException;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.RunFolder;

/**
 * Prediction from the workbench, through the same API as {@code fluffy predict}: which models a workspace
 * offers, where their predictions go ({@code Predictions/<run>/}), and the {@link PredictionJob} that
 * writes them. Instances are separated (seeded watershed) as the editor and the results need objects.
 */
public final class WorkbenchPrediction {

    private WorkbenchPrediction() {
    }

    /**
     * The {@code model.onnx} of the workspace's runs, newest first, then {@code extra} (the preference) if
     * set, then the bundled default model when it is installed.
     */
    public static List<Path> models(Workspace ws, String extra) throws IOException {
        List<Path> models = new ArrayList<>();
        Path runs = ws.runs();
        if (Files.isDirectory(runs)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(runs, Files::isDirectory)) {
                for (Path run : folders) {
                    Path model = RunFolder.at(run).model();
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
        return ws.predictions(PredictionsFolder.nameFor(model));
    }

    /**
     * The job predicting {@code inputs} into {@code output}, not yet scheduled. The job reads the model and
     * resolves the device itself (probing CUDA may take seconds); an unreadable model, a model type that is
     * not installed or an unusable device end it with an error naming the file or the device.
     */
    public static PredictionJob job(Path model, List<Path> inputs, Path output, String device, int threads) {
        return job(model, inputs, output, device, threads, false);
    }

    /** @param probabilities whether the job also writes each image's class probabilities (for a review) */
    public static PredictionJob job(Path model, List<Path> inputs, Path output, String device, int threads,
            boolean probabilities) {
        return new PredictionJob("Predicting " + inputs.size() + " image(s) with " + model.getFileName(),
                () -> plan(model, inputs, output, device, threads, probabilities));
    }

    /**
     * The job predicting {@code inputs} with the first of {@link #models} (found inside the job) into that
     * model's predictions folder; {@link PredictionJob#plan()} then says which model it was.
     */
    public static PredictionJob newestModelJob(Workspace ws, String extra, List<Path> inputs, String device,
            int threads) {
        return newestModelJob(ws, extra, inputs, device, threads, false);
    }

    /** @param probabilities whether the job also writes each image's class probabilities (for a review) */
    public static PredictionJob newestModelJob(Workspace ws, String extra, List<Path> inputs, String device,
            int threads, boolean probabilities) {
        return new PredictionJob("Predicting " + inputs.size() + " image(s) with the newest model", () -> {
            List<Path> models = models(ws, extra);
            if (models.isEmpty()) {
                throw new IOException("no model to predict with: train one, or set a default model in File › "
                        + "Preferences");
            }
            return plan(models.get(0), inputs, outputFolder(ws, models.get(0)), device, threads, probabilities);
        });
    }

    private static PredictionJob.Plan plan(Path model, List<Path> inputs, Path output, String device, int threads,
            boolean probabilities) throws IOException, DeviceUnavailableException {
        PredictionModel read;
        try {
            read = PredictionModel.read(model, ModelTypes::require);
        } catch (IllegalArgumentException e) {
            throw new IOException(model + ": " + e.getMessage(), e);
        }
        SessionSettings session = new SessionSettings(Devices.choose(DeviceRequest.parse(device)), threads);
        // As fluffy predict: on the CPU a batch of tiles is no faster than one and doubles the memory.
        boolean cpu = session.device().device() instanceof Device.Cpu;
        TileSettings tiles = new TileSettings(TileSettings.DEFAULT.tile(), TileSettings.DEFAULT.overlap(), cpu ? 1 : 4,
                TileSettings.WHOLE_UP_TO);
        return new PredictionJob.Plan(read, session, tiles, new BatchPrediction.Request(inputs, output, InputType.FRAME,
                -1, PostProcessing.DEFAULT, probabilities));
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
