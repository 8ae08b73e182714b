package fluffy.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fluffy.models.ModelPackage;
import fluffy.models.ModelTypes;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.DeviceUnavailableException;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Augmentation;

/**
 * A request that resumes a run from its folder alone, for runs this session did not start: the checkpoint
 * says the model type, hyperparameters, data folder, optimizer, learning rate, batch, crop and seed. How
 * many epochs were planned is not recorded, so the caller says up to which epoch to go on. Reads the
 * checkpoint (megabytes) and may probe CUDA: call off the UI thread.
 */
public final class ResumeRequest {

    private ResumeRequest() {
    }

    /**
     * @throws IOException when the folder has no checkpoint, or its type is not installed
     */
    public static TrainingRun.Request read(Path folder, int untilEpoch) throws IOException, DeviceUnavailableException {
        Path checkpoint = folder.resolve(TrainingRun.CHECKPOINT_FILE);
        if (!Files.isRegularFile(checkpoint)) {
            throw new IOException(folder + " has no " + TrainingRun.CHECKPOINT_FILE + " to resume from");
        }
        ModelPackage saved;
        try {
            saved = ModelPackage.read(checkpoint, ModelTypes::require);
        } catch (IllegalArgumentException e) {
            throw new IOException(checkpoint + ": " + e.getMessage(), e);
        }
        String data = saved.training().get("data");
        if (data == null) {
            throw new IOException(checkpoint + " does not say which data it was trained on");
        }
        SessionSettings session = new SessionSettings(Devices.choose(DeviceRequest.AUTO),
                Runtime.getRuntime().availableProcessors());
        // Only what the checkpoint lacks comes from here; TrainingRun itself re-reads the rest on resume.
        TrainingSettings fallback = new TrainingSettings("adam", 1e-3, 8, 256, untilEpoch, 50, null, 1,
                Augmentation.DEFAULT, session);
        TrainingSettings settings = TrainingSettings.from(saved.training(), fallback);
        return new TrainingRun.Request(Path.of(data), folder, saved.type(), saved.hyperparameters(), settings, 0.2,
                true, null);
    }
}
