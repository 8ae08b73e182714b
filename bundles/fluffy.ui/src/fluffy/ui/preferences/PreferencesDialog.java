package fluffy.ui.preferences;

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
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;

/** File › Preferences: device, threads, Bio-Formats jar, default model; OK only when they are valid. */
public final class PreferencesDialog extends TitleAreaDialog {

    private final FluffyPreferences prefs;
    Combo device;
    Text threads;
    Text model;
    Text jar;

    public PreferencesDialog(Shell parent, FluffyPreferences prefs) {
        super(parent);
        this.prefs = prefs;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Fluffy Preferences");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Preferences");
        setMessage("Training and prediction start from these; Bio-Formats opens what ImageJ cannot.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite grid = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        new Label(grid, SWT.NONE).setText("Device:");
        device = new Combo(grid, SWT.DROP_DOWN);
        device.setItems("auto", "cpu", "cuda");
        device.setText(prefs.device());
        device.setToolTipText("auto uses CUDA when it works, else the CPU; cuda:N picks a GPU");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(device);
        new Label(grid, SWT.NONE).setText("Threads:");
        threads = new Text(grid, SWT.BORDER);
        threads.setText(Integer.toString(prefs.threads()));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(threads);
        model = file(grid, "Default model:", prefs.defaultModel(), "*.onnx;*.zip;*.yaml");
        jar = file(grid, "Bio-Formats jar:", prefs.bioFormatsJar(), "*.jar");
        device.addListener(SWT.Modify, e -> validate());
        validate();
        return area;
    }

    private Text file(Composite grid, String label, String value, String filter) {
        new Label(grid, SWT.NONE).setText(label);
        Text text = new Text(grid, SWT.BORDER);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(text);
        Button browse = new Button(grid, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {filter, "*.*"});
            String chosen = dialog.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        text.addListener(SWT.Modify, e -> validate());
        return text;
    }

    private List<String> problems() {
        return FluffyPreferences.problems(device.getText(), threads.getText(), model.getText(), jar.getText());
    }

    private void validate() {
        if (threads == null || model == null || jar == null) {
            return; // still being built
        }
        List<String> problems = problems();
        setErrorMessage(problems.isEmpty() ? null : String.join(" ", problems));
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problems.isEmpty());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        threads.addListener(SWT.Modify, e -> validate());
        validate();
    }

    Button okButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    @Override
    protected void okPressed() {
        try {
            prefs.save(device.getText(), threads.getText(), model.getText(), jar.getText());
        } catch (BackingStoreException | IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        super.okPressed();
    }
}
