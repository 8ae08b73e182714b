package fluffy.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;

import fluffy.runtime.DeviceRequest;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.EpochResult;
import fluffy.training.RunFolder;
import fluffy.training.TrainingListener;
import fluffy.training.TrainingRun;

/**
 * A training run as a {@link FluffyJob}: the synchronous {@link TrainingRun} with the job's progress
 * monitor, holding its device's rule. The request is made inside the job when it needs the device resolved
 * or a run folder read ({@link #planned}, {@link #resuming}). Cancelling stops at the next step (or the next
 * fold of a search) and leaves the run resumable. Listeners hear every epoch on the job's thread; views
 * forward to their display thread themselves.
 */
public final class TrainingJob extends FluffyJob {

    /** Makes the request inside the job: may resolve the device (seconds with a GPU driver) or read files. */
    @FunctionalInterface
    public interface RequestSource {
        TrainingRun.Request request() throws Exception;
    }

    private final Path runDir;
    private final boolean resumes;
    private final RequestSource source;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Consumer<String> logSink;
    private volatile TrainingRun.Request request;
    private volatile TrainingRun.Result result;
    private volatile EpochResult latest;

    private TrainingJob(String name, Path runDir, boolean resumes, RequestSource source, TrainingRun.Request known,
            Consumer<String> logSink) {
        super(name, FluffyJobs.TRAINING);
        this.runDir = runDir;
        this.resumes = resumes;
        this.source = source;
        this.request = known;
        this.logSink = logSink;
    }

    /** A job for a request already made. */
    public TrainingJob(TrainingRun.Request request, Consumer<String> logSink) {
        this("Training " + request.type().name() + " in " + request.runDir().getFileName(), request.runDir(),
                request.resume(), null, request, logSink);
    }

    /** A new run whose request is made inside the job (the Train dialog's plan resolves its device there). */
    public static TrainingJob planned(Path runDir, RequestSource source) {
        return new TrainingJob("Training " + runDir.getFileName(), runDir, false, source, null, m -> {
        });
    }

    /**
     * Goes on with a run from its folder ({@link RunFolder#resumeRequest}) on the given device.
     *
     * @param untilEpoch 0 keeps the run's own plan
     */
    public static TrainingJob resuming(Path runDir, int untilEpoch, String device, int threads) {
        return new TrainingJob("Resuming " + runDir.getFileName(), runDir, true, () -> RunFolder.at(runDir)
                .resumeRequest(new SessionSettings(Devices.choose(DeviceRequest.parse(device)), threads), untilEpoch),
                null, m -> {
                });
    }

    /** The run folder, known from the start. */
    public Path runDir() {
        return runDir;
    }

    /** Whether the job goes on with an existing run. */
    public boolean resumes() {
        return resumes;
    }

    /** What this job trains; null until the job has made its request (see {@link #planned}). */
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
    protected ISchedulingRule prepare(IProgressMonitor monitor) throws Exception {
        if (request == null) {
            request = source.request();
        }
        return FluffyRules.device(request.settings().session().device().device());
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) throws Exception {
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
    }
}
