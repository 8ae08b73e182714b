package fluffy.ui.training;

import java.util.List;
import java.util.function.IntConsumer;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import fluffy.models.ModelType;

/**
 * Edits a {@link TrainingPlan}: run name, model type (from the extension registry) with its
 * hyperparameters, epochs and time budget, batch, crop, learning rate, device. OK is enabled only while
 * the plan has no problems; the first problem is shown under the fields.
 */
public final class TrainDialog extends Dialog {

    private final TrainingPlan plan;
    private final List<ModelType> types;
    Text runName;
    Combo type;
    private Label description;
    private HyperparameterFields fields;
    Combo device;
    private Label problem;

    public TrainDialog(Shell parent, TrainingPlan plan, List<ModelType> types) {
        super(parent);
        this.plan = plan;
        this.types = types;
    }

    public TrainingPlan plan() {
        return plan;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Train a Model");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        runName = text(area, "Run name:", plan.runName, s -> plan.runName = s);
        label(area, "Model type:");
        type = new Combo(area, SWT.READ_ONLY);
        types.forEach(t -> type.add(t.name() + " (" + t.id() + ")"));
        type.select(Math.max(0, types.stream().map(ModelType::id).toList().indexOf(plan.type().id())));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(type);
        description = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).hint(480, SWT.DEFAULT).applyTo(description);
        Group hyper = new Group(area, SWT.NONE);
        hyper.setText("Hyperparameters");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(hyper);
        fields = new HyperparameterFields(hyper, plan, this::validate);
        type.addListener(SWT.Selection, e -> {
            plan.setType(types.get(type.getSelectionIndex()));
            runName.setText(plan.runName);
            showType();
        });
        Group training = new Group(area, SWT.NONE);
        training.setText("Training");
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(training);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(training);
        spinner(training, "Epochs (at most):", 1, 10000, plan.epochs, v -> plan.epochs = v);
        spinner(training, "Time budget (minutes, 0 = none):", 0, 100000, plan.timeBudgetMinutes,
                v -> plan.timeBudgetMinutes = v);
        spinner(training, "Steps per epoch:", 1, 100000, plan.stepsPerEpoch, v -> plan.stepsPerEpoch = v);
        spinner(training, "Batch size:", 1, 1024, plan.batch, v -> plan.batch = v);
        spinner(training, "Crop (pixels):", 8, 4096, plan.crop, v -> plan.crop = v);
        text(training, "Learning rate:", plan.learningRate, s -> plan.learningRate = s);
        text(training, "Channels:", plan.channels, s -> plan.channels = s)
                .setToolTipText("The image channels the model takes, from 1 in its order, e.g. 1,2 for cytoplasm and "
                        + "nuclei; empty: one grey plane (RGB averaged, else channel 1)");
        label(training, "Device:");
        device = new Combo(training, SWT.DROP_DOWN);
        device.setItems("auto", "cpu", "cuda");
        device.setText(plan.device);
        device.setToolTipText("auto uses CUDA when it works, else the CPU; cuda:N picks a GPU");
        device.addListener(SWT.Modify, e -> {
            plan.device = device.getText();
            validate();
        });
        spinner(training, "CPU threads:", 1, 256, plan.threads, v -> plan.threads = v);
        Group search = new Group(area, SWT.NONE);
        search.setText("Hyperparameter search (Bayesian, k-fold cross-validation) before the final training");
        GridLayoutFactory.swtDefaults().numColumns(6).applyTo(search);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(search);
        spinner(search, "Trials (0 = none):", 0, 1000, plan.searchTrials, v -> plan.searchTrials = v);
        spinner(search, "Folds:", 2, 20, plan.searchFolds, v -> plan.searchFolds = v);
        spinner(search, "Epochs per trial:", 1, 1000, plan.searchEpochs, v -> plan.searchEpochs = v);
        problem = new Label(area, SWT.WRAP);
        problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().span(2, 1).hint(480, SWT.DEFAULT).applyTo(problem);
        showType();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Train", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void showType() {
        description.setText(plan.type().description());
        fields.show();
        getShell().layout(true, true);
        validate();
    }

    void validate() {
        if (problem == null || problem.isDisposed()) {
            return;
        }
        List<String> problems = plan.problems();
        problem.setText(problems.isEmpty() ? "" : problems.get(0));
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problems.isEmpty());
        }
    }

    private void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    private Text text(Composite parent, String label, String value, java.util.function.Consumer<String> into) {
        label(parent, label);
        Text t = new Text(parent, SWT.BORDER);
        t.setText(value);
        t.addListener(SWT.Modify, e -> {
            into.accept(t.getText());
            validate();
        });
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        return t;
    }

    private void spinner(Composite parent, String label, int min, int max, int value, IntConsumer into) {
        label(parent, label);
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(value, min, max, 0, 1, 10);
        s.addListener(SWT.Modify, e -> {
            into.accept(s.getSelection());
            validate();
        });
    }
}
