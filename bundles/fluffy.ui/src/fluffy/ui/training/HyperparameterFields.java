package fluffy.ui.training;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import fluffy.models.Hyperparameter;

/**
 * One field per hyperparameter of the plan's model type, made from the type's own description of its
 * space (a contributed type needs no UI code): a check box for a flag, a list for a choice, text for
 * numbers, with the range and the type's explanation as tooltip. Rebuilt when the type changes.
 */
final class HyperparameterFields {

    private final Composite parent;
    private final TrainingPlan plan;
    private final Runnable changed;

    HyperparameterFields(Composite parent, TrainingPlan plan, Runnable changed) {
        this.parent = parent;
        this.plan = plan;
        this.changed = changed;
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(parent);
    }

    /** Replaces the fields with those of the plan's current type. */
    void show() {
        for (Control c : parent.getChildren()) {
            c.dispose();
        }
        for (Hyperparameter h : plan.type().hyperparameters()) {
            Label name = new Label(parent, SWT.NONE);
            name.setText(h.name() + ":");
            String tip = h.description() + " (" + h.describeRange() + "; default " + h.defaultValue() + ")";
            name.setToolTipText(tip);
            Control field = field(h, plan.hyperparameters().get(h.name()));
            field.setToolTipText(tip);
            GridDataFactory.fillDefaults().grab(true, false).hint(90, SWT.DEFAULT).applyTo(field);
        }
    }

    private Control field(Hyperparameter h, String value) {
        switch (h.kind()) {
            case FLAG -> {
                Button check = new Button(parent, SWT.CHECK);
                check.setSelection(Boolean.parseBoolean(value));
                check.addListener(SWT.Selection, e -> set(h, Boolean.toString(check.getSelection())));
                return check;
            }
            case CHOICE -> {
                Combo combo = new Combo(parent, SWT.READ_ONLY);
                h.choices().forEach(combo::add);
                combo.select(Math.max(0, h.choices().indexOf(value)));
                combo.addListener(SWT.Selection, e -> set(h, combo.getText()));
                return combo;
            }
            default -> {
                Text text = new Text(parent, SWT.BORDER);
                text.setText(value);
                text.addListener(SWT.Modify, e -> set(h, text.getText()));
                return text;
            }
        }
    }

    private void set(Hyperparameter h, String text) {
        plan.setHyperparameter(h.name(), text);
        changed.run();
    }
}
