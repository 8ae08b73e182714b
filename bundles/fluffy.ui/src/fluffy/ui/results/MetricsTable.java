package fluffy.ui.results;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/** The per-image metrics, one row per prediction, and the totals over the folder; a row picks the image shown. */
final class MetricsTable {

    /** Image names can be 64 characters long: their column stops at this width. */
    private static final int MAX_NAME_WIDTH = 240;

    private final Composite box;
    private final TableViewer viewer;
    private final Label total;

    MetricsTable(Composite parent, Consumer<String> onSelect) {
        box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(box);
        viewer = new TableViewer(box, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        for (int i = 0; i < MetricsRow.COLUMNS.length; i++) {
            int column = i;
            TableViewerColumn c = new TableViewerColumn(viewer, i == 0 ? SWT.LEFT : SWT.RIGHT);
            c.getColumn().setText(MetricsRow.COLUMNS[i]);
            c.getColumn().setWidth(i == 0 ? 200 : 66);
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return ((MetricsRow) element).cell(column);
                }
            });
        }
        viewer.addSelectionChangedListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof MetricsRow row) {
                onSelect.accept(row.stem());
            }
        });
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        total = new Label(box, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(total);
    }

    Control control() {
        return box;
    }

    void setRows(List<MetricsRow> rows) {
        viewer.setInput(rows);
        // Columns as wide as their content and header (image names capped, they can be 64 characters long).
        org.eclipse.swt.widgets.TableColumn[] columns = viewer.getTable().getColumns();
        for (int i = 0; i < columns.length; i++) {
            columns[i].pack();
            if (i == 0) {
                columns[i].setWidth(Math.min(columns[i].getWidth(), MAX_NAME_WIDTH));
            }
        }
        total.setText(MetricsRow.describe(rows));
        box.layout(true);
    }

    @SuppressWarnings("unchecked")
    List<MetricsRow> rows() {
        return viewer.getInput() instanceof List<?> l ? (List<MetricsRow>) l : List.of();
    }

    /** Marks the row of {@code stem} without telling the listener again. */
    void reveal(String stem) {
        rows().stream().filter(r -> r.stem().equals(stem)).findFirst().ifPresent(r -> {
            if (!r.equals(((IStructuredSelection) viewer.getSelection()).getFirstElement())) {
                viewer.getTable().setRedraw(false);
                viewer.setSelection(new StructuredSelection(r), true);
                viewer.getTable().setRedraw(true);
            }
        });
    }

    TableViewer viewer() {
        return viewer;
    }

    Label total() {
        return total;
    }
}
