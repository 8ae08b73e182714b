package fluffy.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;

import fluffy.inference.BatchPrediction;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.runtime.session.SessionSettings;

/**
 * Batch prediction as a {@link FluffyJob}: the synchronous {@link BatchPrediction} with the job's monitor
 * (progress per image and tile), holding the device's rule, so it waits for a training on the same
 * device. The model is read and the device resolved inside the job ({@link Plan.Source}). Cancelling stops
 * between tile batches; images finished before stay written, the interrupted one leaves nothing behind.
 * Listeners hear each image's result on the job's thread.
 */
public final class PredictionJob extends FluffyJob {

    /** What to predict with and how. */
    public record Plan(PredictionModel model, SessionSettings session, TileSettings tiles,
            BatchPrediction.Request request) {

        /** Makes the plan inside the job: reads the model (megabytes) and resolves the device. */
        @FunctionalInterface
        public interface Source {
            Plan plan() throws Exception;
        }
    }

    private final Plan.Source source;
    private final List<Consumer<BatchPrediction.FileResult>> listeners = new CopyOnWriteArrayList<>();
    private final List<BatchPrediction.FileResult> results = new CopyOnWriteArrayList<>();
    private volatile Plan plan;

    /** A job whose plan is made inside it; {@code name} says what is predicted, for the progress view. */
    public PredictionJob(String name, Plan.Source source) {
        super(name, FluffyJobs.PREDICTION);
        this.source = source;
    }

    public PredictionJob(PredictionModel model, SessionSettings session, TileSettings tiles,
            BatchPrediction.Request request) {
        this("Predicting " + request.inputs().size() + " image(s) with " + model.file().getFileName(),
                () -> new Plan(model, session, tiles, request));
    }

    public void addListener(Consumer<BatchPrediction.FileResult> listener) {
        listeners.add(listener);
    }

    /** The results so far, in input order (all of them once the job is done). */
    public List<BatchPrediction.FileResult> results() {
        return List.copyOf(results);
    }

    /** The plan once the job has made it; null before (or when making it failed). */
    public Plan plan() {
        return plan;
    }

    @Override
    protected ISchedulingRule prepare(IProgressMonitor monitor) throws Exception {
        plan = source.plan();
        return FluffyRules.device(plan.session().device().device());
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) throws Exception {
        try (Predictor predictor = new Predictor(plan.model(), plan.session(), plan.tiles())) {
            BatchPrediction.run(predictor, plan.request(), monitor, r -> {
                results.add(r);
                listeners.forEach(l -> l.accept(r));
            });
        }
        List<String> failed = results.stream().filter(BatchPrediction.FileResult::failed)
                .map(BatchPrediction.FileResult::line).toList();
        return failed.isEmpty() ? Status.OK_STATUS
                : Status.warning(failed.size() + " image(s) failed: " + String.join("; ", failed));
    }
}
