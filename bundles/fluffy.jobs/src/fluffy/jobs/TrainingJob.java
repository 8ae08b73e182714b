package fluffy.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import fluffy.training.EpochResult;
import fluffy.training.TrainingListener;
import fluffy.training.TrainingRun;

/**
 * A training run as an Eclipse Job: the synchronous {@link TrainingRun} with the job's progress monitor,
 * on the device's scheduling rule. Cancelling stops at the next step and leaves a checkpoint to resume
 * from (a new job with {@code resume} set). Listeners hear every epoch on the job's thread; views
 * forward to their display thread themselves.
 */
public final class TrainingJob extends Job {

    private final TrainingRun.Request request;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Consumer<String> logSink;
    private volatile TrainingRun.Result result;
    private volatile EpochResult latest;

    public TrainingJob(TrainingRun.Request request, Consumer<String> logSink) {
        super("Training " + request.type().name() + " in " + request.runDir().getFileName());
        this.request = request;
        this.logSink = logSink;
        setRule(new DeviceRule(request.settings().session().device().device()));
        setUser(true);
    }

    /** What this job trains; a resumed run is the same request with {@code resume} set. */
    public TrainingRun.Request request() {
        return request;
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    /** The outcome once the job has run (also when cancelled); null before. */
    public TrainingRun.Result result() {
        return result;
    }

    /** The last finished epoch, so a view opened late shows the current state. */
    public EpochResult latest() {
        return latest;
    }

    public List<String> messages() {
        return List.copyOf(log);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FluffyJobs.TRAINING;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            result = new TrainingRun().run(request, monitor, epoch -> {
                latest = epoch;
                listeners.forEach(l -> l.epochFinished(epoch));
            }, message -> {
                log.add(message);
                logSink.accept(message);
            });
            if (result.outcome().cancelled()) {
                return Status.CANCEL_STATUS;
            }
            return result.problems().isEmpty() ? Status.OK_STATUS
                    : Status.warning("Trained without " + result.problems().size() + " pair(s): "
                            + String.join("; ", result.problems()));
        } catch (Exception e) {
            return Status.error("Training in " + request.runDir() + " failed: " + e.getMessage(), e);
        }
    }
}
