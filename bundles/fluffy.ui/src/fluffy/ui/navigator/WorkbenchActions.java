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
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import fluffy.core.workspace.Workspace;
import fluffy.jobs.TrainingJob;
import fluffy.models.ModelType;
import fluffy.models.ModelTypeEntry;
import fluffy.models.ModelTypes;
import fluffy.runtime.DeviceUnavailableException;
import fluffy.training.TrainingRun;
import fluffy.ui.FluffyTopics;
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
    static final String DEFAULT_TYPE = "unet.categorical";

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
        run(ws, BatchJob.importImages(ws, chosen));
    }

    @Override
    public void prepare(Workspace ws) {
        PrepareDialog dialog = new PrepareDialog(shell.get());
        if (dialog.open() == Window.OK) {
            run(ws, BatchJob.prepare(ws, dialog.choices().toOptions()));
        }
    }

    @Override
    public void buildLabelMaps(Workspace ws) {
        run(ws, BatchJob.buildLabelMaps(ws, false));
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
        ModelType first = types.stream().filter(t -> t.id().equals(DEFAULT_TYPE)).findFirst().orElse(types.get(0));
        TrainingPlan plan = new TrainingPlan(ws.root(), ws.root().resolve(WorkspaceContents.RUNS), first);
        FluffyPreferences prefs = FluffyPreferences.instance();
        plan.device = prefs.device();
        plan.threads = prefs.threads();
        if (new TrainDialog(shell.get(), plan, types).open() == Window.OK) {
            start(ws, plan);
        }
    }

    /** Resolves the device off the UI thread (probing CUDA can take seconds), then starts the training job. */
    void start(Workspace ws, TrainingPlan plan) {
        Job starting = Job.create("Starting training " + plan.runName, monitor -> {
            TrainingRun.Request request;
            try {
                request = plan.toRequest();
            } catch (DeviceUnavailableException | IllegalArgumentException e) {
                ui.execute(() -> view.get().showStatus("Training not started: " + e.getMessage(), true));
                return Status.OK_STATUS;
            }
            TrainingJob job = new TrainingJob(request, message -> { });
            AtomicBoolean announced = new AtomicBoolean();
            // The run folder appears with the first epoch; the navigator lists it from then on.
            job.addListener(epoch -> {
                if (announced.compareAndSet(false, true)) {
                    broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
                }
            });
            job.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
                }
            });
            broker.send(FluffyTopics.TRAINING_STARTED, job);
            job.schedule();
            ui.execute(() -> view.get().showStatus("Training " + request.runDir().getFileName() + " on "
                    + request.settings().session().describe() + "; see the Training Monitor.", false));
            return Status.OK_STATUS;
        });
        starting.setSystem(true);
        starting.schedule();
    }

    private void run(Workspace ws, BatchJob job) {
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
