package fluffy.ui.navigator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import fluffy.core.workspace.Workspace;
import fluffy.inference.BatchPrediction;
import fluffy.inference.PredictionsFolder;
import fluffy.inference.evaluation.EvaluationReport;
import fluffy.inference.evaluation.FolderEvaluation;
import fluffy.inference.evaluation.ImageScores;
import fluffy.jobs.FluffyJob;
import fluffy.jobs.FluffyJobs;
import fluffy.jobs.PredictionJob;
import fluffy.jobs.TrainingJob;
import fluffy.jobs.WorkspaceJob;
import fluffy.models.ModelType;
import fluffy.models.ModelTypeEntry;
import fluffy.models.ModelTypes;
import fluffy.ui.FluffyTopics;
import fluffy.ui.WorkbenchPrediction;
import fluffy.ui.preferences.FluffyPreferences;
import fluffy.ui.training.TrainDialog;
import fluffy.ui.training.TrainingPlan;

/**
 * The navigator's actions in the workbench: a dialog, then a Job over the headless API. Progress and the
 * outcome go to the navigator's status line; when a job has changed the workspace,
 * {@link FluffyTopics#WORKSPACE_CHANGED} tells every view.
 */
public final class WorkbenchActions implements NavigatorActions {

    /** The model type offered first: the one that separates touching nuclei. */

    private final Supplier<Shell> shell;
    private final IEventBroker broker;
    private final Executor ui;
    private final Supplier<NavigatorView> view;

    public WorkbenchActions(Supplier<Shell> shell, IEventBroker broker, Executor ui, Supplier<NavigatorView> view) {
        this.shell = shell;
        this.broker = broker;
        this.ui = ui;
        this.view = view;
    }

    @Override
    public void importImages(Workspace ws, List<Path> files) {
        List<Path> chosen = files;
        if (chosen.isEmpty()) {
            FileDialog dialog = new FileDialog(shell.get(), SWT.OPEN | SWT.MULTI);
            dialog.setText("Import images into " + ws.raw());
            if (dialog.open() == null) {
                return;
            }
            chosen = java.util.Arrays.stream(dialog.getFileNames()).map(n -> Path.of(dialog.getFilterPath(), n)).toList();
        }
        run(ws, WorkspaceJob.importImages(ws, chosen));
    }

    @Override
    public void prepare(Workspace ws) {
        PrepareDialog dialog = new PrepareDialog(shell.get());
        if (dialog.open() == Window.OK) {
            run(ws, WorkspaceJob.prepare(ws, dialog.choices().toOptions()));
        }
    }

    @Override
    public void buildLabelMaps(Workspace ws) {
        run(ws, WorkspaceJob.buildLabelMaps(ws, false));
    }

    @Override
    public void train(Workspace ws) {
        List<String> broken = new ArrayList<>(ModelTypes.problems());
        List<ModelType> types = new ArrayList<>();
        for (ModelTypeEntry entry : ModelTypes.all()) {
            try {
                types.add(entry.create());
            } catch (IllegalStateException e) {
                broken.add(e.getMessage());
            }
        }
        if (types.isEmpty()) {
            view.get().showReport("No model type is installed.", broken, true);
            return;
        }
        // The type the registry calls the default (declared in plugin.xml), among those that could be created.
        String preferred = ModelTypes.defaultEntry().id();
        ModelType first = types.stream().filter(t -> t.id().equals(preferred)).findFirst().orElse(types.get(0));
        TrainingPlan plan = new TrainingPlan(ws.root(), ws.runs(), first);
        FluffyPreferences prefs = FluffyPreferences.instance();
        plan.device = prefs.device();
        plan.threads = prefs.threads();
        if (new TrainDialog(shell.get(), plan, types).open() == Window.OK) {
            start(ws, plan);
        }
    }

    @Override
    public void predict(Workspace ws) {
        FluffyPreferences prefs = FluffyPreferences.instance();
        List<Path> models;
        try {
            models = WorkbenchPrediction.models(ws, prefs.defaultModel());
        } catch (java.io.IOException e) {
            view.get().showStatus("Cannot list the models of " + ws.root() + ": " + e.getMessage(), true);
            return;
        }
        PredictPlan plan = new PredictPlan(ws, models.isEmpty() ? null : models.get(0));
        plan.device = prefs.device();
        plan.threads = prefs.threads();
        if (new PredictDialog(shell.get(), plan, models).open() != Window.OK) {
            return;
        }
        String folder = plan.outputName.strip();
        List<Path> inputs;
        try {
            inputs = plan.inputs();
        } catch (java.io.IOException e) {
            view.get().showStatus("Prediction not started: " + e.getMessage(), true);
            return;
        }
        PredictionJob job = WorkbenchPrediction.job(plan.model, inputs, plan.outputFolder(), plan.device,
                plan.threads);
        job.addListener(r -> ui.execute(() -> view.get().showStatus(job.getName() + ": "
                + job.results().size() + " done; last " + r.line(), r.failed())));
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                List<String> lines = job.results().stream().map(BatchPrediction.FileResult::line).toList();
                String summary = result.getSeverity() == IStatus.CANCEL ? "Prediction cancelled after "
                        + lines.size() + " image(s)" : result.isOK() ? lines.size() + " image(s) predicted into "
                        + Workspace.PREDICTIONS + "/" + folder : result.getMessage();
                ui.execute(() -> view.get().showReport(summary, lines, !result.isOK()));
                broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
                // Selecting the folder opens it in the Results Viewer.
                broker.post(FluffyTopics.SELECT, Workspace.PREDICTIONS + "/" + folder);
            }
        });
        view.get().showStatus(job.getName() + "…", false);
        job.schedule();
    }

    @Override
    public void evaluate(Workspace ws, Path predictions) {
        if (predictions == null) {
            view.get().showStatus("Select a predictions folder in the tree to evaluate it.", true);
            return;
        }
        FluffyJob job = FluffyJob.of("Evaluating " + predictions.getFileName(), FluffyJobs.EVALUATION, null, monitor -> {
            Report report = evaluation(ws, predictions, monitor);
            ui.execute(() -> view.get().showReport(report.summary(), report.lines(), report.error()));
            broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    /** What a step says in the navigator's status line, with its whole report behind the link. */
    record Report(String summary, List<String> lines, boolean error) {
    }

    /**
     * Scores a predictions folder against the workspace's {@code Processed/masks} with fluffy.inference's
     * evaluation and writes {@code evaluation.csv} and {@code evaluation.json} into the folder.
     */
    static Report evaluation(Workspace ws, Path predictions, org.eclipse.core.runtime.IProgressMonitor monitor) {
        try {
            FolderEvaluation.Result r = FolderEvaluation.run(PredictionsFolder.inWorkspace(ws, predictions), monitor,
                    p -> { });
            List<String> lines = new ArrayList<>(r.images().stream().map(WorkbenchActions::scoreLine).toList());
            lines.addAll(r.problems());
            if (r.images().isEmpty()) {
                return new Report("Nothing to evaluate in " + predictions.getFileName()
                        + ": no label map there has a true one in Processed/masks", lines, true);
            }
            EvaluationReport.write(predictions, r.images(), r.aggregate());
            return new Report("Evaluated " + r.images().size() + " image(s): " + scoreLine(r.aggregate())
                    + "; written to evaluation.csv and evaluation.json", lines, false);
        } catch (java.io.IOException e) {
            return new Report("Evaluation failed: " + e.getMessage(), List.of(), true);
        }
    }

    /** e.g. {@code img_3: F1@0.5 0.912, AP@0.5 0.838, mean AP 0.601 (41 true, 43 predicted)}. */
    static String scoreLine(ImageScores s) {
        ImageScores.Counts half = s.at(0.5);
        return String.format(java.util.Locale.ROOT, "%s: F1@0.5 %.3f, AP@0.5 %.3f, mean AP %.3f (%d true, %d predicted)",
                s.name(), half.f1(), half.ap(), s.meanAp(), s.truthObjects(), s.predictedObjects());
    }

    /** Starts the training job; the job itself resolves the device (probing CUDA can take seconds). */
    void start(Workspace ws, TrainingPlan plan) {
        TrainingJob job = TrainingJob.planned(plan.runFolder(), plan::toRequest);
        AtomicBoolean announced = new AtomicBoolean();
        // The run folder appears with the first epoch; the navigator lists it from then on.
        job.addListener(epoch -> {
            if (announced.compareAndSet(false, true)) {
                broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
            }
        });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void running(IJobChangeEvent event) {
                broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
            }

            @Override
            public void done(IJobChangeEvent event) {
                broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
                if (event.getResult().getSeverity() == IStatus.ERROR) {
                    ui.execute(() -> view.get().showStatus(event.getResult().getMessage(), true));
                }
            }
        });
        broker.send(FluffyTopics.TRAINING_STARTED, job);
        job.schedule();
        view.get().showStatus("Training " + plan.runFolder().getFileName() + "; see the Training Monitor.", false);
    }

    private void run(Workspace ws, WorkspaceJob job) {
        view.get().showStatus(job.getName() + "…", false);
        job.addReportListener(report -> ui.execute(() -> view.get().showStatus(job.getName() + ": "
                + job.reports().size() + " done; last " + job.line(report), false)));
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                String summary = result.getSeverity() == IStatus.CANCEL ? "Cancelled after " + job.summary()
                        : result.getSeverity() == IStatus.ERROR ? result.getMessage() : job.summary();
                ui.execute(() -> view.get().showReport(summary, job.lines(), !result.isOK()));
                broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
            }
        });
        job.schedule();
    }
}
