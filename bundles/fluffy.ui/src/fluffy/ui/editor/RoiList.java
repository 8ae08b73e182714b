package fluffy.ui.editor;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import ij.gui.Roi;

/** The ROIs of the document as a list (number, type, position, size); selecting a row selects the ROI. */
final class RoiList {

    /** One row; the index is the ROI's place in the document and in the label map. */
    record Row(int index, Roi roi) {
    }

    private final TableViewer viewer;
    private boolean updating;

    RoiList(Composite parent, IntConsumer onSelect) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("#", 40, r -> Integer.toString(r.index() + 1));
        column("Type", 80, r -> r.roi().getTypeAsString().toLowerCase(Locale.ROOT));
        column("Centre", 90, r -> {
            var b = r.roi().getBounds();
            return (b.x + b.width / 2) + ", " + (b.y + b.height / 2);
        });
        column("Size", 80, r -> r.roi().getBounds().width + " × " + r.roi().getBounds().height);
        // The model's doubt of a predicted object (Predict ROIs), empty for drawn ones.
        column("Doubt", 60, r -> {
            String d = r.roi().getProperty(PredictedRois.DOUBT);
            return d == null ? "" : d.substring(0, Math.min(4, d.length()));
        });
        viewer.addSelectionChangedListener(e -> {
            if (!updating) {
                Object first = viewer.getStructuredSelection().getFirstElement();
                onSelect.accept(first instanceof Row row ? row.index() : -1);
            }
        });
    }

    Control control() {
        return viewer.getControl();
    }

    /** Shows the document's ROIs and selection without echoing the selection back. */
    void show(List<Roi> rois, int selected) {
        updating = true;
        try {
            List<Row> rows = new java.util.ArrayList<>();
            for (int i = 0; i < rois.size(); i++) {
                rows.add(new Row(i, rois.get(i)));
            }
            viewer.setInput(rows);
            viewer.setSelection(selected < 0 ? StructuredSelection.EMPTY : new StructuredSelection(rows.get(selected)),
                    true);
        } finally {
            updating = false;
        }
    }

    int rowCount() {
        return viewer.getTable().getItemCount();
    }

    private void column(String title, int width, java.util.function.Function<Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }
        });
    }
}
