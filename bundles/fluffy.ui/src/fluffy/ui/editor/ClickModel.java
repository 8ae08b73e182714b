package fluffy.ui.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.models.ModelTypes;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.DeviceUnavailableException;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.SessionSettings;

/**
 * The model behind click-to-add, kept open between clicks (reading a model and starting its session takes
 * longer than a window's prediction): opened on first use, opened anew when the model file or its time
 * stamp changes (a newer run), closed with the editor. Thread-safe; clicks are predicted one at a time.
 */
final class ClickModel implements AutoCloseable {

    private Path file;
    private long modified;
    private Predictor predictor;

    /** The predictor of {@code model} (whole windows at once: a window is one tile). */
    synchronized Predictor predictor(Path model, String device, int threads)
            throws IOException, SessionException, DeviceUnavailableException {
        long stamp = Files.getLastModifiedTime(model).toMillis();
        if (predictor == null || !model.equals(file) || stamp != modified) {
            close();
            PredictionModel read = PredictionModel.read(model, ModelTypes::require);
            SessionSettings session = new SessionSettings(Devices.choose(DeviceRequest.parse(device)), threads);
            predictor = new Predictor(read, session, TileSettings.wholeImage());
            file = model;
            modified = stamp;
        }
        return predictor;
    }

    @Override
    public synchronized void close() {
        if (predictor != null) {
            try {
                predictor.close();
            } catch (SessionException e) {
                // nothing is lost: the session is gone either way
            }
            predictor = null;
        }
    }
}
