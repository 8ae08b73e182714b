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
    /** The image column keeps this much of a name when the view is narrow (the row's tooltip has it whole). */
    private static final int MIN_NAME_WIDTH = 110;
    /**
     * The columns a narrow view gives up, first to last (indices into {@link MetricsRow#COLUMNS}); the image,
     * F1, AP and the counts TP, FP and FN stay. The totals below the table always have every figure.
     */
    private static final int[] DROPPED_WHEN_NARROW = {11, 10, 6, 7, 1, 2};

    private final Composite box;
    private final TableViewer viewer;
    private final Label total;
    /** Each column's width for its content, from the last rows shown. */
    private int[] packed;

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
        viewer.getTable().addListener(SWT.Resize, e -> fitColumns());
        total = new Label(box, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(total);
    }

    Control control() {
        return box;
    }

    void setRows(List<MetricsRow> rows) {
        viewer.setInput(rows);
        // Columns as wide as their content and header (image names capped, they can be 64 characters long).
        measureColumns();
        total.setText(MetricsRow.describe(rows));
        box.layout(true);
        fitColumns();
    }

    /** Each column's width for its header and the rows shown. */
    private void measureColumns() {
        org.eclipse.swt.widgets.TableColumn[] columns = viewer.getTable().getColumns();
        packed = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i].pack();
            packed[i] = i == 0 ? Math.min(columns[i].getWidth(), MAX_NAME_WIDTH) : columns[i].getWidth();
        }
    }

    /**
     * Fits the columns into the table's width instead of scrolling sideways: the image column shrinks to
     * {@link #MIN_NAME_WIDTH}, then the columns of {@link #DROPPED_WHEN_NARROW} go, in that order.
     */
    private void fitColumns() {
        org.eclipse.swt.widgets.Table table = viewer.getTable();
        int available = table.getClientArea().width;
        if (available <= 0) {
            return;
        }
        if (packed == null) {
            measureColumns(); // no rows yet: the headers alone
        }
        int[] widths = columnWidths(packed, available);
        org.eclipse.swt.widgets.TableColumn[] columns = table.getColumns();
        java.util.List<String> hidden = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            columns[i].setWidth(widths[i]);
            columns[i].setResizable(widths[i] > 0);
            if (widths[i] == 0) {
                hidden.add(MetricsRow.COLUMNS[i]);
            }
        }
        table.setToolTipText(hidden.isEmpty() ? null
                : "Hidden in this narrow view: " + String.join(", ", hidden) + " (the totals below have every figure)");
    }

    /** The width of each column (0 = hidden) for the packed widths and the width the table has. */
    static int[] columnWidths(int[] packed, int available) {
        int[] widths = packed.clone();
        int numbers = 0;
        for (int i = 1; i < widths.length; i++) {
            numbers += widths[i];
        }
        for (int k = 0; k < DROPPED_WHEN_NARROW.length && numbers + MIN_NAME_WIDTH > available; k++) {
            numbers -= widths[DROPPED_WHEN_NARROW[k]];
            widths[DROPPED_WHEN_NARROW[k]] = 0;
        }
        widths[0] = Math.max(Math.min(packed[0], MIN_NAME_WIDTH), Math.min(packed[0], available - numbers));
        return widths;
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
