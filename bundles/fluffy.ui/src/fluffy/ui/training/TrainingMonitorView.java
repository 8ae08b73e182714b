package fluffy.ui.training;

import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import fluffy.ui.widgets.RedrawThrottle;

/**
 * The Training Monitor's content: the run's headline and details, a progress bar, Cancel and Resume, and
 * two charts (training and validation loss; validation object F1), and the search's trials as points and
 * a table. Labels follow every change; the charts are redrawn at most every {@value #CHART_PERIOD_MS} ms.
 */
public final class TrainingMonitorView {

    static final int CHART_PERIOD_MS = 250;
    static final int SEARCH_POLL_MS = 2000;
    static final String TRAIN_LOSS = "training loss";
    static final String VAL_LOSS = "validation loss";
    static final String VAL_F1 = "validation F1@0.5";

    private final Composite root;
    private final Label headline;
    private final Label details;
    private final ProgressBar progress;
    private final Button cancel;
    private final Button resume;
    private final Button retrain;
    private final EpochChart loss;
    private final EpochChart f1;
    private final TrialsPanel trials;
    private final RedrawThrottle charts;
    private MonitoredRun run;

    public TrainingMonitorView(Composite parent, Consumer<MonitoredRun> onCancel, Consumer<MonitoredRun> onResume) {
        this(parent, onCancel, onResume, run -> { });
    }

    /** @param onRetrain fine-tunes the run's model on its workspace's pairs as a new run */
    public TrainingMonitorView(Composite parent, Consumer<MonitoredRun> onCancel, Consumer<MonitoredRun> onResume,
            Consumer<MonitoredRun> onRetrain) {
        root = new Composite(parent, SWT.NONE);
        // The run folder, the progress bar and the buttons share one row: at 1280 x 800 the monitor is about
        // 270 px high and every row taken from the charts costs them their scales.
        GridLayoutFactory.fillDefaults().numColumns(5).margins(4, 4).applyTo(root);
        headline = new Label(root, SWT.NONE);
        headline.setFont(JFaceResources.getBannerFont());
        headline.setText("No training run open. Select a run in the navigator or start one with Train….");
        GridDataFactory.fillDefaults().grab(true, false).span(5, 1).applyTo(headline);
        details = new Label(root, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER)
                .applyTo(details);
        progress = new ProgressBar(root, SWT.HORIZONTAL);
        progress.setMaximum(1000);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER)
                .applyTo(progress);
        cancel = new Button(root, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Stop after the current step; the checkpoint of the last epoch stays for Resume");
        cancel.addListener(SWT.Selection, e -> onCancel.accept(run));
        resume = new Button(root, SWT.PUSH);
        resume.setText("Resume");
        resume.setToolTipText("Continue from the last checkpoint with the same settings");
        resume.addListener(SWT.Selection, e -> onResume.accept(run));
        retrain = new Button(root, SWT.PUSH);
        retrain.setText("Retrain");
        retrain.setToolTipText("Fine-tune this run's model on the workspace's pairs (your corrections included) "
                + "with a short schedule, as a new run; its validation scores before and after are shown");
        retrain.addListener(SWT.Selection, e -> onRetrain.accept(run));
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(sash);
        loss = new EpochChart(sash, "Loss", "loss", new String[] {TRAIN_LOSS, VAL_LOSS},
                new int[] {SWT.COLOR_DARK_BLUE, SWT.COLOR_DARK_RED});
        f1 = new EpochChart(sash, "Validation F1@0.5", "object F1", new String[] {VAL_F1},
                new int[] {SWT.COLOR_DARK_GREEN});
        trials = new TrialsPanel(sash);
        // Only a search has trials; for a plain run the panel would be an empty third of the width.
        trials.control().setVisible(false);
        charts = new RedrawThrottle(root.getDisplay(), CHART_PERIOD_MS, this::drawCharts);
        refresh();
        pollSearch();
    }

    /** A running search rewrites search.csv after every fold; look for a new one every few seconds. */
    private void pollSearch() {
        if (root.isDisposed()) {
            return;
        }
        if (run != null && run.canCancel() && run.refreshTrials()) {
            refresh();
        }
        root.getDisplay().timerExec(SEARCH_POLL_MS, this::pollSearch);
    }

    public Control control() {
        return root;
    }

    public MonitoredRun run() {
        return run;
    }

    /** Shows another run; its charts are drawn at once. */
    public void show(MonitoredRun newRun) {
        run = newRun;
        refresh();
        drawCharts();
    }

    /** Call after the run changed (an epoch, a state): labels now, charts on the throttle. */
    public void refresh() {
        if (root.isDisposed()) {
            return;
        }
        if (run != null) {
            headline.setText(run.headline());
            details.setText(run.details());
            details.setToolTipText(run.details());
            double p = run.progress();
            progress.setVisible(p >= 0);
            progress.setSelection((int) Math.round(Math.max(0, p) * 1000));
            charts.request();
        }
        cancel.setEnabled(run != null && run.canCancel());
        resume.setEnabled(run != null && run.canResume());
        retrain.setEnabled(run != null && !run.canCancel() && java.nio.file.Files.isRegularFile(
                fluffy.training.RunFolder.at(run.folder()).model()));
        root.layout(true);
    }

    private void drawCharts() {
        if (root.isDisposed() || run == null) {
            return;
        }
        RunCurves c = run.curves();
        double[] epochs = c.epochs();
        loss.setCurves(epochs, c.trainLoss(), c.valLoss());
        f1.setCurves(epochs, c.valF1());
        trials.show(run.trials());
        boolean search = run.plannedTrials() > 0 || !run.trials().isEmpty();
        if (trials.control().getVisible() != search) {
            trials.control().setVisible(search);
            ((Composite) trials.control().getParent()).layout(true);
        }
    }

    EpochChart lossChart() {
        return loss;
    }

    EpochChart f1Chart() {
        return f1;
    }

    TrialsPanel trialsPanel() {
        return trials;
    }

    Button cancelButton() {
        return cancel;
    }

    Button retrainButton() {
        return retrain;
    }

    Button resumeButton() {
        return resume;
    }

    Label headlineLabel() {
        return headline;
    }
}
