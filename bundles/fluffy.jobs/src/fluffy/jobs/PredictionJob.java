package fluffy.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import fluffy.inference.BatchPrediction;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.runtime.session.SessionSettings;

/**
 * Batch prediction as an Eclipse Job: the synchronous {@link BatchPrediction} with the job's monitor
 * (progress per image and tile), on the device's scheduling rule, so it waits for a training on the same
 * device. Cancelling stops between tile batches; images finished before stay written, the interrupted
 * one leaves nothing behind. Listeners hear each image's result on the job's thread.
 */
public final class PredictionJob extends Job {

    private final PredictionModel model;
    private final SessionSettings session;
    private final TileSettings tiles;
    private final BatchPrediction.Request request;
    private final List<Consumer<BatchPrediction.FileResult>> listeners = new CopyOnWriteArrayList<>();
    private final List<BatchPrediction.FileResult> results = new CopyOnWriteArrayList<>();

    public PredictionJob(PredictionModel model, SessionSettings session, TileSettings tiles,
            BatchPrediction.Request request) {
        super("Predicting " + request.inputs().size() + " image(s) with " + model.file().getFileName());
        this.model = model;
        this.session = session;
        this.tiles = tiles;
        this.request = request;
        setRule(new DeviceRule(session.device().device()));
        setUser(true);
    }

    public void addListener(Consumer<BatchPrediction.FileResult> listener) {
        listeners.add(listener);
    }

    /** The results so far, in input order (all of them once the job is done). */
    public List<BatchPrediction.FileResult> results() {
        return List.copyOf(results);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FluffyJobs.PREDICTION;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try (Predictor predictor = new Predictor(model, session, tiles)) {
            BatchPrediction.run(predictor, request, monitor, r -> {
                results.add(r);
                listeners.forEach(l -> l.accept(r));
            });
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            return Status.error("Prediction with " + model.file() + " failed: " + e.getMessage(), e);
        }
        List<String> failed = results.stream().filter(BatchPrediction.FileResult::failed)
                .map(BatchPrediction.FileResult::line).toList();
        return failed.isEmpty() ? Status.OK_STATUS
                : Status.warning(failed.size() + " image(s) failed: " + String.join("; ", failed));
    }
}
