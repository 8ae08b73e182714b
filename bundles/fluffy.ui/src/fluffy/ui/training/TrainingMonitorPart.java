package fluffy.ui.training;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Composite;

import fluffy.jobs.FluffyJobs;
import fluffy.jobs.TrainingJob;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.ui.FluffyTopics;
import fluffy.ui.SelectedRun;
import fluffy.ui.preferences.FluffyPreferences;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Training Monitor view: follows the training started last (or those already running when the view
 * opens) and shows the run selected in the navigator. The logic is in {@link TrainingMonitor}.
 */
public class TrainingMonitorPart {

    @Inject
    private UISynchronize sync;
    @Inject
    private IEventBroker broker;

    private TrainingMonitorView view;
    private TrainingMonitor monitor;

    @PostConstruct
    public void create(Composite parent) {
        view = new TrainingMonitorView(parent, run -> monitor.cancel(run), this::resume, this::retrain);
        monitor = new TrainingMonitor(view, sync::asyncExec, folder -> {
            // Runs/<name> of a workspace: the navigator re-reads the workspace to show the run's new state.
            if (folder.getParent() != null && folder.getParent().getParent() != null) {
                broker.post(FluffyTopics.WORKSPACE_CHANGED, folder.getParent().getParent());
            }
        });
        for (Job job : Job.getJobManager().find(FluffyJobs.TRAINING)) {
            monitor.follow((TrainingJob) job);
        }
    }

    @Inject
    @Optional
    void started(@UIEventTopic(FluffyTopics.TRAINING_STARTED) TrainingJob job) {
        if (live()) {
            monitor.follow(job);
        }
    }

    @Inject
    @Optional
    void selected(@Named(IServiceConstants.ACTIVE_SELECTION) SelectedRun selection) {
        if (selection != null && live()) {
            monitor.showFolder(selection.folder());
        }
    }

    /**
     * A run this session trained resumes at once, as does one from disk whose record says how far it was
     * meant to go and that it stopped short; otherwise (a finished run, or one from before run records)
     * the user says up to which epoch to go on.
     */
    private void resume(MonitoredRun run) {
        if (monitor.resume(run) != null) {
            return;
        }
        int last = run.curves().lastEpoch();
        int until = 0;
        boolean planKnown = run.record() != null && run.record().resumable() && run.plannedEpochs() > last;
        if (!planKnown) {
            InputDialog ask = new InputDialog(view.control().getShell(), "Resume " + run.folder().getFileName(),
                    "The run stopped after epoch " + last + ". Train until epoch:",
                    Integer.toString(last + Math.max(10, last)), text -> text.matches("\\d{1,6}")
                            && Integer.parseInt(text) > last ? null : "a whole number above " + last);
            if (ask.open() != Window.OK) {
                return;
            }
            until = Integer.parseInt(ask.getValue());
        }
        FluffyPreferences prefs = FluffyPreferences.instance();
        monitor.start(TrainingJob.resuming(run.folder(), until, prefs.device(), prefs.threads()));
    }

    /** One-click retraining on the preferences' device ({@link TrainingMonitor#retrain}). */
    private void retrain(MonitoredRun run) {
        FluffyPreferences prefs = FluffyPreferences.instance();
        monitor.retrain(run, () -> new SessionSettings(Devices.choose(DeviceRequest.parse(prefs.device())),
                prefs.threads()));
    }

    private boolean live() {
        return view != null && !view.control().isDisposed();
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
