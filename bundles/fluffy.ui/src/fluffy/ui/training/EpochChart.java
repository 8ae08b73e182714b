package fluffy.ui.training;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxisSet;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;

/**
 * A line chart of values per epoch, one series per curve. Series are replaced whole from primitive
 * arrays with updates suspended, so a redraw happens once per call rather than once per series.
 */
public final class EpochChart {

    private final Chart chart;
    private final String[] ids;

    /**
     * @param ids     the curves, as named in the legend
     * @param colours an SWT system colour per curve
     */
    public EpochChart(Composite parent, String title, String yTitle, String[] ids, int[] colours) {
        if (ids.length != colours.length) {
            throw new IllegalArgumentException(ids.length + " curves but " + colours.length + " colours");
        }
        this.ids = ids.clone();
        chart = new Chart(parent, SWT.DOUBLE_BUFFERED);
        chart.getTitle().setText(title);
        IAxisSet axes = chart.getAxisSet();
        axes.getXAxis(0).getTitle().setText("epoch");
        axes.getYAxis(0).getTitle().setText(yTitle);
        Display display = parent.getDisplay();
        for (int i = 0; i < ids.length; i++) {
            ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, ids[i]);
            series.setLineColor(display.getSystemColor(colours[i]));
            series.setSymbolColor(display.getSystemColor(colours[i]));
            series.setSymbolSize(3);
        }
    }

    public Chart chart() {
        return chart;
    }

    /** Replaces every curve; {@code ys} holds one array per curve, each as long as {@code x}. */
    public void setCurves(double[] x, double[]... ys) {
        if (ys.length != ids.length) {
            throw new IllegalArgumentException(ids.length + " curves expected, got " + ys.length);
        }
        for (double[] y : ys) {
            if (y.length != x.length) {
                throw new IllegalArgumentException("curves of different lengths: " + x.length + " and " + y.length);
            }
        }
        chart.suspendUpdate(true);
        try {
            for (int i = 0; i < ids.length; i++) {
                chart.getSeriesSet().getSeries(ids[i]).setXSeries(x);
                chart.getSeriesSet().getSeries(ids[i]).setYSeries(ys[i]);
            }
            chart.getAxisSet().adjustRange();
        } finally {
            chart.suspendUpdate(false);
        }
        chart.redraw();
    }

    /** The values shown for one curve. */
    public double[] curve(String id) {
        return chart.getSeriesSet().getSeries(id).getYSeries();
    }
}
