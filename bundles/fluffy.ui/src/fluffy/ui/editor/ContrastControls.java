package fluffy.ui.editor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/**
 * Two sliders for the darkest and brightest value shown, over the data range of the channel chosen in the
 * channel box (shown only for images of several channels, which display as a composite), and Auto (ImageJ's
 * saturated stretch, for every channel). Each channel keeps its own range. Disabled for RGB images, which
 * are shown as they are.
 */
final class ContrastControls {

    /** Hears the new ranges in pixel values, one {low, high} per channel. */
    interface Listener {
        void changed(double[][] ranges);
    }

    private static final int STEPS = 1000;

    final Combo channel;
    final Scale low;
    final Scale high;
    private final Button auto;
    private final Listener listener;
    private EditorImage image;
    private double[][] ranges;

    /** Makes the controls in a column of their own in {@code parent}, which has a grid layout. */
    ContrastControls(Composite parent, Listener listener) {
        this.listener = listener;
        Composite column = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(column);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(column);
        parent = column;
        new Label(parent, SWT.NONE).setText("Contrast");
        channel = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        channel.setToolTipText("The channel whose contrast the sliders set; each keeps its own");
        channel.addListener(SWT.Selection, e -> showSliders());
        channel.setVisible(false);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(channel);
        low = scale(parent, "Darkest value shown");
        high = scale(parent, "Brightest value shown");
        auto = new Button(parent, SWT.PUSH);
        GridDataFactory.swtDefaults().applyTo(auto);
        auto.setText("Auto");
        auto.setToolTipText("Stretch so that 0.35% of the pixels saturate at each end, as ImageJ's Auto (every channel)");
        auto.addListener(SWT.Selection, e -> {
            if (image != null) {
                ranges = image.autoRanges();
                showSliders();
                listener.changed(ranges);
            }
        });
        setEnabled(false);
    }

    /** Puts every channel at its automatic range; the channel box lists the channels when there are several. */
    void setRange(EditorImage newImage) {
        image = newImage;
        ranges = newImage.autoRanges();
        channel.removeAll();
        int n = newImage.channels().size();
        for (int c = 0; c < n; c++) {
            channel.add("Channel " + (c + 1) + " (" + EditorImage.COLOUR_NAMES[c % EditorImage.COLOUR_NAMES.length] + ")");
        }
        channel.select(0);
        channel.setVisible(n > 1);
        GridDataFactory.fillDefaults().grab(true, false).exclude(n <= 1).applyTo(channel);
        channel.getParent().getParent().layout(true, true);
        setEnabled(!newImage.rgb());
        showSliders();
    }

    /** The current ranges, one {low, high} per channel. */
    double[][] ranges() {
        return ranges;
    }

    private int selected() {
        return Math.max(0, channel.getSelectionIndex());
    }

    private void showSliders() {
        if (image == null) {
            return;
        }
        int c = selected();
        low.setSelection(toStep(c, ranges[c][0]));
        high.setSelection(toStep(c, ranges[c][1]));
        boolean usable = !image.rgb() && image.channels().get(c).max() > image.channels().get(c).min();
        low.setEnabled(usable);
        high.setEnabled(usable);
    }

    private Scale scale(Composite parent, String tip) {
        Scale s = new Scale(parent, SWT.HORIZONTAL);
        s.setMaximum(STEPS);
        s.setToolTipText(tip);
        s.addListener(SWT.Selection, e -> {
            if (image != null) {
                int c = selected();
                ranges[c] = new double[] {toValue(c, low.getSelection()),
                        toValue(c, Math.max(high.getSelection(), low.getSelection() + 1))};
                listener.changed(ranges);
            }
        });
        GridDataFactory.fillDefaults().grab(true, false).hint(60, SWT.DEFAULT).applyTo(s);
        return s;
    }

    private int toStep(int c, double value) {
        EditorImage.Channel ch = image.channels().get(c);
        double span = ch.max() - ch.min();
        return span <= 0 ? 0 : (int) Math.round((value - ch.min()) / span * STEPS);
    }

    private double toValue(int c, int step) {
        EditorImage.Channel ch = image.channels().get(c);
        return ch.min() + (ch.max() - ch.min()) * step / STEPS;
    }

    private void setEnabled(boolean enabled) {
        low.setEnabled(enabled);
        high.setEnabled(enabled);
        auto.setEnabled(enabled);
        channel.setEnabled(enabled);
    }
}
