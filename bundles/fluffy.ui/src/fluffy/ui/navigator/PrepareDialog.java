package fluffy.ui.navigator;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;

import fluffy.io.prepare.Projection;

/** Asks how raw images become 2D images to annotate; the answer is {@link #choices()}. */
public final class PrepareDialog extends Dialog {

    Button refuse;
    Button project;
    Button allSlices;
    Combo projection;
    Button useFrame;
    Spinner frame;
    Button useChannel;
    Spinner channel;
    Spinner series;
    private Label command;
    private PrepareChoices choices = PrepareChoices.defaults();

    public PrepareDialog(Shell parent) {
        super(parent);
    }

    /** What the user chose; the defaults until OK is pressed. */
    public PrepareChoices choices() {
        return choices;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Prepare Raw Images");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite box = (Composite) super.createDialogArea(parent);
        Group z = group(box, "Z-stacks");
        refuse = radio(z, "Refuse them (say which files are z-stacks)");
        project = radio(z, "Project them:");
        projection = new Combo(z, SWT.READ_ONLY);
        for (Projection p : Projection.values()) {
            projection.add(p.toString());
        }
        projection.select(0);
        allSlices = radio(z, "Make every z slice and time frame an item of its own");
        refuse.setSelection(true);
        Group other = group(box, "Time series, channels, series");
        useFrame = check(other, "Only time frame (from 0; otherwise the middle one):");
        frame = spinner(other);
        useChannel = check(other, "Only channel (from 0; RGB: 0 red, 1 green, 2 blue):");
        channel = spinner(other);
        new Label(other, SWT.NONE).setText("Series or scene of multi-series files:");
        series = spinner(other);
        command = new Label(box, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(command);
        update();
        return box;
    }

    @Override
    protected void okPressed() {
        choices = current();
        super.okPressed();
    }

    /** The choice the widgets show now. */
    PrepareChoices current() {
        PrepareChoices.ZStacks mode = allSlices.getSelection() ? PrepareChoices.ZStacks.ALL_SLICES
                : project.getSelection() ? PrepareChoices.ZStacks.PROJECT : PrepareChoices.ZStacks.REFUSE;
        return new PrepareChoices(mode, Projection.values()[Math.max(0, projection.getSelectionIndex())],
                useFrame.getSelection() && mode != PrepareChoices.ZStacks.ALL_SLICES ? frame.getSelection() : null,
                useChannel.getSelection() ? channel.getSelection() : null, series.getSelection());
    }

    private void update() {
        if (command == null) {
            return; // still building the dialog
        }
        boolean slices = allSlices.getSelection();
        useFrame.setEnabled(!slices);
        frame.setEnabled(!slices && useFrame.getSelection());
        projection.setEnabled(project.getSelection());
        channel.setEnabled(useChannel.getSelection());
        String args = current().commandLine();
        command.setText("The same from a shell: fluffy prepare WORKSPACE" + (args.isEmpty() ? "" : " " + args)
                + "\nItems that are annotated already are never overwritten.");
    }

    private Group group(Composite parent, String title) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
        return g;
    }

    private Button radio(Composite parent, String text) {
        return button(parent, SWT.RADIO, text);
    }

    private Button check(Composite parent, String text) {
        return button(parent, SWT.CHECK, text);
    }

    private Button button(Composite parent, int style, String text) {
        Button b = new Button(parent, style);
        b.setText(text);
        b.addListener(SWT.Selection, e -> update());
        boolean spansRow = !text.endsWith(":");
        GridDataFactory.fillDefaults().span(spansRow ? 2 : 1, 1).applyTo(b);
        return b;
    }

    private Spinner spinner(Composite parent) {
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(0, 0, 9999, 0, 1, 10);
        s.addListener(SWT.Modify, e -> update());
        return s;
    }
}
