package fluffy.ui.editor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/**
 * Two sliders for the darkest and brightest grey shown, over the image's data range, and Auto (ImageJ's
 * saturated stretch). Disabled for RGB images, which are shown as they are.
 */
final class ContrastControls {

    /** Hears the new range in pixel values. */
    interface Listener {
        void changed(double low, double high);
    }

    private static final int STEPS = 1000;

    private final Scale low;
    private final Scale high;
    private final Button auto;
    private final Listener listener;
    private EditorImage image;

    ContrastControls(Composite parent, Listener listener) {
        this.listener = listener;
        new Label(parent, SWT.NONE).setText("  Contrast:");
        low = scale(parent, "Darkest grey shown");
        high = scale(parent, "Brightest grey shown");
        auto = new Button(parent, SWT.PUSH);
        auto.setText("Auto");
        auto.setToolTipText("Stretch so that 0.35% of the pixels saturate at each end, as ImageJ's Auto");
        auto.addListener(SWT.Selection, e -> {
            if (image != null) {
                setRange(image);
                listener.changed(image.auto()[0], image.auto()[1]);
            }
        });
        setEnabled(false);
    }

    /** Puts the sliders at the image's automatic range. */
    void setRange(EditorImage newImage) {
        image = newImage;
        setEnabled(!newImage.rgb() && newImage.max() > newImage.min());
        low.setSelection(toStep(newImage.auto()[0]));
        high.setSelection(toStep(newImage.auto()[1]));
    }

    private Scale scale(Composite parent, String tip) {
        Scale s = new Scale(parent, SWT.HORIZONTAL);
        s.setMaximum(STEPS);
        s.setToolTipText(tip);
        s.addListener(SWT.Selection, e -> {
            if (image != null) {
                listener.changed(toValue(low.getSelection()), toValue(Math.max(high.getSelection(), low.getSelection() + 1)));
            }
        });
        s.setLayoutData(new RowData(90, SWT.DEFAULT));
        return s;
    }

    private int toStep(double value) {
        double span = image.max() - image.min();
        return span <= 0 ? 0 : (int) Math.round((value - image.min()) / span * STEPS);
    }

    private double toValue(int step) {
        return image.min() + (image.max() - image.min()) * step / STEPS;
    }

    private void setEnabled(boolean enabled) {
        low.setEnabled(enabled);
        high.setEnabled(enabled);
        auto.setEnabled(enabled);
    }
}
