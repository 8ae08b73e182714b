package fluffy.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import fluffy.jobs.FluffyJob;
import fluffy.jobs.FluffyJobs;
import fluffy.jobs.TrainingJob;
import fluffy.models.ModelTypes;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.EpochResult;
import fluffy.training.Retraining;
import fluffy.training.RunFolder;
import fluffy.training.TrainingRun;

/**
 * The Training Monitor's logic, apart from e4: which run the view shows, following training jobs (their
 * epochs arrive on the job's thread and are handed to {@code ui}), cancelling and resuming. Every job
 * followed keeps its {@link MonitoredRun}, so coming back to a running run shows all its curves.
 */
public final class TrainingMonitor {

    private final TrainingMonitorView view;
    private final Executor ui;
    private final Consumer<Path> runEnded;
    private final Map<TrainingJob, MonitoredRun> followed = new HashMap<>();

    /** @param runEnded hears the folder of each followed run when its job ends (the navigator re-reads it) */
    public TrainingMonitor(TrainingMonitorView view, Executor ui, Consumer<Path> runEnded) {
        this.view = view;
        this.ui = ui;
        this.runEnded = runEnded;
    }

    /** Shows a job's run and keeps it up to date until the job ends; call before scheduling the job. */
    public MonitoredRun follow(TrainingJob job) {
        MonitoredRun known = followed.get(job);
        if (known != null) {
            view.show(known);
            return known;
        }
        Path folder = job.runDir();
        List<EpochResult> logged = job.resumes() ? RunFolder.at(folder).snapshot().epochs() : List.of();
        MonitoredRun run = MonitoredRun.live(job, logged);
        followed.put(job, run);
        job.addListener(epoch -> ui.execute(() -> changed(run, () -> run.epoch(epoch))));
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void running(IJobChangeEvent event) {
                ui.execute(() -> changed(run, run::running));
            }

            @Override
            public void done(IJobChangeEvent event) {
                runEnded.accept(folder);
                ui.execute(() -> changed(run, () -> run.finished(event.getResult())));
            }
        });
        view.show(run);
        return run;
    }

    /** Shows a run folder: live when a followed job is training it, else as its files say. */
    public void showFolder(Path folder) {
        for (var e : followed.entrySet()) {
            if (e.getKey().runDir().equals(folder) && e.getValue().canCancel()) {
                view.show(e.getValue());
                return;
            }
        }
        view.show(MonitoredRun.past(RunFolder.at(folder).snapshot()));
    }

    public void cancel(MonitoredRun run) {
        if (run.canCancel()) {
            run.job().cancel();
        }
    }

    /**
     * Resumes a run this monitor followed, with its own request; returns the new job (scheduled), or null
     * when the run has no job (see {@link RunFolder#resumeRequest} for runs from disk).
     */
    public TrainingJob resume(MonitoredRun run) {
        if (run.job() == null || run.job().request() == null || !run.canResume()) {
            return null;
        }
        TrainingRun.Request r = run.job().request();
        TrainingJob job = new TrainingJob(new TrainingRun.Request(r.data(), r.runDir(), r.type(), r.hyperparameters(),
                r.settings(), r.split(), true, r.initFrom(), r.search()), m -> { });
        start(job);
        return job;
    }

    /** Where a retraining gets its device and threads: resolving CUDA may take seconds, so inside the job. */
    public interface Session {
        SessionSettings settings() throws Exception;
    }

    /**
     * One-click retraining ({@link Retraining}): the run's model fine-tuned on its workspace's
     * pairs (the folder above {@code Runs/}) as a new run beside it, followed here; when it is done both models
     * are scored on its validation images in a Job, and the new run is shown again with the comparison in its
     * details.
     *
     * @return the job, scheduled; null when the run has no model or no workspace around it
     */
    public TrainingJob retrain(MonitoredRun run, Session session) {
        Path model = RunFolder.at(run.folder()).model();
        Path runs = run.folder().toAbsolutePath().getParent();
        Path data = runs == null ? null : runs.getParent();
        if (data == null || !Files.isRegularFile(model)) {
            return null;
        }
        Path runDir = Retraining.runFolder(model, runs);
        TrainingRun.Request[] made = new TrainingRun.Request[1];
        TrainingJob job = TrainingJob.planned(runDir, () -> {
            made[0] = Retraining.request(data, model, runDir, session.settings(),
                    ModelTypes::require);
            return made[0];
        });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (made[0] == null || job.result() == null || job.result().model() == null) {
                    return;
                }
                FluffyJob compare = FluffyJob.of("Scoring " + runDir.getFileName()
                        + " before and after", FluffyJobs.READING, null, progress -> {
                            Retraining.compare(made[0], ModelTypes::require);
                            runEnded.accept(runDir);
                            ui.execute(() -> {
                                if (!view.control().isDisposed()) {
                                    showFolder(runDir);
                                }
                            });
                            return Status.OK_STATUS;
                        });
                compare.schedule();
            }
        });
        start(job);
        return job;
    }

    /** Follows and schedules a new job. */
    public void start(TrainingJob job) {
        follow(job);
        job.schedule();
    }

    private void changed(MonitoredRun run, Runnable change) {
        change.run();
        if (!view.control().isDisposed() && view.run() == run) {
            view.refresh();
        }
    }
}
