package fluffy.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;

/**
 * The one contract of Fluffy's long work (training, prediction, workspace steps, evaluation, export): a
 * synchronous step of the headless API run on a job's thread, in two parts. {@link #prepare} does what must
 * happen before the work can claim its resources and may take seconds (reading a model, resolving the
 * device, which can probe CUDA) and names the {@link FluffyRules rule} the work needs; the job then holds
 * that rule (waiting, cancellably, for a job that holds a conflicting one) while {@link #work} runs. So
 * the UI only constructs, schedules and listens: it never resolves a device or builds a request itself.
 * <p>
 * Outcomes are the same for every job: {@link OperationCanceledException} from either part is
 * {@link IStatus#CANCEL}; any other exception is {@link IStatus#ERROR} with the job's name, the message
 * and the cause; otherwise what {@code work} returns (a warning lists what went wrong per file).
 */
public abstract class FluffyJob extends Job {

    private final Object family;

    protected FluffyJob(String name, Object family) {
        super(name);
        this.family = family;
        setUser(true);
    }

    /**
     * Everything before the work that may block or fail, inside the job.
     *
     * @return the rule the work must hold, or null for none
     */
    protected abstract ISchedulingRule prepare(IProgressMonitor monitor) throws Exception;

    /** The work itself, holding the rule {@link #prepare} named. */
    protected abstract IStatus work(IProgressMonitor monitor) throws Exception;

    @Override
    public boolean belongsTo(Object other) {
        return other == family || other == FluffyJobs.ALL;
    }

    @Override
    protected final IStatus run(IProgressMonitor monitor) {
        try {
            ISchedulingRule rule = prepare(monitor);
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            if (rule == null) {
                return work(monitor);
            }
            // beginRule must be paired with endRule even when it throws (cancelled while waiting).
            try {
                getJobManager().beginRule(rule, monitor);
                return work(monitor);
            } finally {
                getJobManager().endRule(rule);
            }
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Status.error(getName() + " failed: " + message, e);
        }
    }

    /** A job for a step that needs no preparation: {@code work} holding {@code rule} (null for none). */
    public static FluffyJob of(String name, Object family, ISchedulingRule rule, Work work) {
        return new FluffyJob(name, family) {
            @Override
            protected ISchedulingRule prepare(IProgressMonitor monitor) {
                return rule;
            }

            @Override
            protected IStatus work(IProgressMonitor monitor) throws Exception {
                return work.run(monitor);
            }
        };
    }

    /** A step's work, as a lambda. */
    @FunctionalInterface
    public interface Work {
        IStatus run(IProgressMonitor monitor) throws Exception;
    }
}
