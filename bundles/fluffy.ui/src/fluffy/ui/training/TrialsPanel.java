package fluffy.ui.training;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;

import fluffy.training.records.SearchRecord;

/**
 * A hyperparameter search's trials: each as a point (trial number, mean validation F1 over its folds)
 * and as a table row with its status and hyperparameters.
 */
final class TrialsPanel {

    static final String SERIES = "trials";
    private static final String TITLE = "Search trials";
    private static final String[] COLUMNS = {"Trial", "Status", "Mean F1", "Folds", "Hyperparameters"};

    private final SashForm box;
    private final Chart chart;
    private final Table table;

    TrialsPanel(Composite parent) {
        box = new SashForm(parent, SWT.VERTICAL);
        chart = new Chart(box, SWT.DOUBLE_BUFFERED);
        chart.getTitle().setText(TITLE);
        chart.getAxisSet().getXAxis(0).getTitle().setText("trial");
        chart.getAxisSet().getYAxis(0).getTitle().setText("mean F1");
        chart.getAxisSet().getXAxis(0).getTick().setFormat(WholeNumbers.FORMAT); // trials are numbered 1, 2, ...
        ILineSeries<?> points = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, SERIES);
        points.setLineStyle(LineStyle.NONE);
        points.setSymbolSize(5);
        points.setSymbolColor(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_MAGENTA));
        table = new Table(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        int[] widths = {50, 110, 70, 50, 420};
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, i == 1 || i == 4 ? SWT.LEFT : SWT.RIGHT);
            c.setText(COLUMNS[i]);
            c.setWidth(widths[i]);
        }
        box.setWeights(55, 45);
        EpochChart.showEmpty(chart, TITLE, "no search yet", true);
        EpochChart.fitToHeight(chart);
    }

    Control control() {
        return box;
    }

    void show(List<SearchRecord.Trial> trials) {
        double[] x = new double[trials.size()];
        double[] y = new double[trials.size()];
        int n = 0;
        for (SearchRecord.Trial t : trials) {
            if (Double.isFinite(t.meanScore())) {
                x[n] = t.number();
                y[n] = t.meanScore();
                n++;
            }
        }
        chart.suspendUpdate(true);
        try {
            chart.getSeriesSet().getSeries(SERIES).setXSeries(java.util.Arrays.copyOf(x, n));
            chart.getSeriesSet().getSeries(SERIES).setYSeries(java.util.Arrays.copyOf(y, n));
            chart.getAxisSet().adjustRange();
            EpochChart.showEmpty(chart, TITLE, "no search yet", n == 0);
        } finally {
            chart.suspendUpdate(false);
        }
        chart.redraw();
        table.setRedraw(false);
        table.removeAll();
        for (SearchRecord.Trial t : trials) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {Integer.toString(t.number()), t.status().label(),
                    Double.isFinite(t.meanScore()) ? String.format(Locale.ROOT, "%.3f", t.meanScore()) : "",
                    Integer.toString(t.folds().size()), pointText(t)});
        }
        // Columns as wide as their widest cell (or header), never narrower than they start.
        for (TableColumn c : table.getColumns()) {
            int before = c.getWidth();
            c.pack();
            c.setWidth(Math.max(before, c.getWidth()));
        }
        table.setRedraw(true);
    }

    /** e.g. {@code depth=4, width=32, learning_rate=0.001}. */
    private static String pointText(SearchRecord.Trial t) {
        List<String> parts = new java.util.ArrayList<>();
        t.point().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    double[] points() {
        return chart.getSeriesSet().getSeries(SERIES).getYSeries();
    }

    Table table() {
        return table;
    }
}
