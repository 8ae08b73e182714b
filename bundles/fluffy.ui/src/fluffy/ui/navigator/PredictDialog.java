package fluffy.ui.navigator;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** Asks which model predicts which images into which folder, on which device; edits a {@link PredictPlan}. */
public final class PredictDialog extends TitleAreaDialog {

    private final PredictPlan plan;
    private final List<Path> models;
    Combo model;
    final java.util.Map<PredictPlan.Images, Button> images = new java.util.EnumMap<>(PredictPlan.Images.class);
    Text output;
    Combo device;
    Spinner threads;

    /** @param models the workspace's models, newest first (the plan's model is among them or added) */
    public PredictDialog(Shell parent, PredictPlan plan, List<Path> models) {
        super(parent);
        this.plan = plan;
        this.models = new java.util.ArrayList<>(models);
        if (plan.model != null && !this.models.contains(plan.model)) {
            this.models.add(0, plan.model);
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Predict");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Predict objects with a trained model");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite grid = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        new Label(grid, SWT.NONE).setText("Model:");
        model = new Combo(grid, SWT.READ_ONLY);
        models.forEach(m -> model.add(m.toString()));
        if (plan.model != null) {
            model.select(models.indexOf(plan.model));
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(model);
        Button browse = new Button(grid, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> browse());
        model.addListener(SWT.Selection, e -> {
            plan.setModel(models.get(model.getSelectionIndex()));
            output.setText(plan.outputName);
        });
        new Label(grid, SWT.NONE).setText("Images:");
        Composite radios = new Composite(grid, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(radios);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(radios);
        for (PredictPlan.Images i : PredictPlan.Images.values()) {
            Button b = new Button(radios, SWT.RADIO);
            b.setText(i.text);
            b.setSelection(plan.images == i);
            b.addListener(SWT.Selection, e -> {
                if (b.getSelection()) {
                    plan.images = i;
                    validate();
                }
            });
            images.put(i, b);
        }
        new Label(grid, SWT.NONE).setText("Into Predictions/:");
        output = new Text(grid, SWT.BORDER);
        output.setText(plan.outputName);
        output.addListener(SWT.Modify, e -> {
            plan.outputName = output.getText();
            validate();
        });
        GridDataFactory.fillDefaults().span(2, 1).applyTo(output);
        new Label(grid, SWT.NONE).setText("Device:");
        device = new Combo(grid, SWT.DROP_DOWN);
        device.setItems("auto", "cpu", "cuda");
        device.setText(plan.device);
        device.addListener(SWT.Modify, e -> {
            plan.device = device.getText();
            validate();
        });
        GridDataFactory.fillDefaults().span(2, 1).applyTo(device);
        new Label(grid, SWT.NONE).setText("Threads:");
        threads = new Spinner(grid, SWT.BORDER);
        threads.setValues(plan.threads, 1, 256, 0, 1, 4);
        threads.addListener(SWT.Modify, e -> plan.threads = threads.getSelection());
        validate();
        return area;
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.onnx;*.zip;*.yaml", "*.onnx", "*.zip;*.yaml", "*.*"});
        String chosen = dialog.open();
        if (chosen != null) {
            Path p = Path.of(chosen);
            if (!models.contains(p)) {
                models.add(0, p);
                model.add(chosen, 0);
            }
            model.select(models.indexOf(p));
            plan.setModel(p);
            output.setText(plan.outputName);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    void validate() {
        if (output == null || device == null) {
            return; // still being built
        }
        List<String> problems = plan.problems();
        if (problems.isEmpty()) {
            setErrorMessage(null);
            setMessage("Writes label maps, masks, overlays and RoiSets; existing files of the same name are replaced.");
        } else {
            setErrorMessage(String.join(" ", problems));
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problems.isEmpty());
        }
    }
}
