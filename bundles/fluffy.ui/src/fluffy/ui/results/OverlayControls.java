package fluffy.ui.results;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/**
 * The row above the Results Viewer's image: outlines or filled, opacity, comparison with ground truth and
 * its colour legend, and the before/after slider.
 */
final class OverlayControls {

    private final Composite row;
    final Combo mode;
    final Scale opacity;
    final Button compare;
    final Scale split;

    /**
     * @param styleChanged called when mode, opacity or comparison change
     * @param splitChanged called when the before/after slider moves
     */
    OverlayControls(Composite parent, Runnable styleChanged, Runnable splitChanged) {
        row = new Composite(parent, SWT.NONE);
        // A toolbar that wraps: on a narrow view the controls take a second line instead of being cut off.
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginLeft = layout.marginRight = layout.marginTop = layout.marginBottom = 0;
        row.setLayout(layout);
        mode = new Combo(row, SWT.READ_ONLY);
        mode.setItems("Outlines", "Filled");
        mode.select(0);
        mode.addListener(SWT.Selection, e -> styleChanged.run());
        new Label(row, SWT.NONE).setText("Opacity:");
        opacity = scale(70, styleChanged);
        compare = new Button(row, SWT.CHECK);
        compare.setText("Compare with ground truth:");
        compare.setToolTipText("Colour objects by their match at IoU 0.5 instead of one colour each");
        compare.addListener(SWT.Selection, e -> styleChanged.run());
        legend("● true positive", OverlayRenderer.TRUE_POSITIVE);
        legend("● false positive", OverlayRenderer.FALSE_POSITIVE);
        legend("● missed", OverlayRenderer.FALSE_NEGATIVE);
        new Label(row, SWT.NONE).setText("  Before ◂");
        split = scale(50, splitChanged);
        split.setToolTipText("How much of the image, from the left, is shown without the overlay; or drag on the image");
        new Label(row, SWT.NONE).setText("▸ After");
    }

    Control control() {
        return row;
    }

    OverlayRenderer.Style style() {
        return new OverlayRenderer.Style(mode.getSelectionIndex() == 1 ? OverlayRenderer.Mode.FILLED
                : OverlayRenderer.Mode.OUTLINES, opacity.getSelection() / 100.0, compare.getSelection());
    }

    private Scale scale(int value, Runnable changed) {
        Scale s = new Scale(row, SWT.HORIZONTAL);
        s.setMinimum(0);
        s.setMaximum(100);
        s.setIncrement(1);
        s.setPageIncrement(10);
        s.setSelection(value);
        s.addListener(SWT.Selection, e -> changed.run());
        s.setLayoutData(new RowData(110, SWT.DEFAULT));
        return s;
    }

    private void legend(String text, int rgb) {
        Label l = new Label(row, SWT.NONE);
        l.setText(text);
        Color c = new Color(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
        l.setForeground(c);
    }
}
