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
    private final String title;

    /**
     * @param ids     the curves, as named in the legend
     * @param colours an SWT system colour per curve
     */
    public EpochChart(Composite parent, String title, String yTitle, String[] ids, int[] colours) {
        if (ids.length != colours.length) {
            throw new IllegalArgumentException(ids.length + " curves but " + colours.length + " colours");
        }
        this.ids = ids.clone();
        this.title = title;
        chart = new Chart(parent, SWT.DOUBLE_BUFFERED);
        chart.getTitle().setText(title);
        IAxisSet axes = chart.getAxisSet();
        // Whole epochs only: a tick between two epochs has no label.
        axes.getXAxis(0).getTick().setFormat(WholeNumbers.FORMAT);
        axes.getXAxis(0).getTitle().setText("epoch");
        axes.getYAxis(0).getTitle().setText(yTitle);
        Display display = parent.getDisplay();
        for (int i = 0; i < ids.length; i++) {
            ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, ids[i]);
            series.setLineColor(display.getSystemColor(colours[i]));
            series.setSymbolColor(display.getSystemColor(colours[i]));
            series.setSymbolSize(3);
        }
        showEmpty(chart, title, true);
        fitToHeight(chart);
    }

    /**
     * Without data a chart says so in its title and shows no axes, legend or scale (an empty 0..1 frame reads
     * as a result); with data it shows them all.
     */
    static void showEmpty(Chart chart, String title, boolean empty) {
        showEmpty(chart, title, "no run yet", empty);
    }

    /** @param why what the title says when there is no data, e.g. {@code no run yet} */
    static void showEmpty(Chart chart, String title, String why, boolean empty) {
        chart.setData(EMPTY, empty);
        chart.getTitle().setText(empty ? title + ": " + why : title);
        for (org.eclipse.swtchart.IAxis axis : chart.getAxisSet().getAxes()) {
            axis.getTick().setVisible(!empty);
            axis.getGrid().setStyle(empty ? org.eclipse.swtchart.LineStyle.NONE : org.eclipse.swtchart.LineStyle.DOT);
        }
        showAxisTitles(chart);
        chart.getLegend().setVisible(!empty && chart.getSeriesSet().getSeries().length > 1);
    }

    /** Axis titles only on a chart with data and room for them. */
    private static void showAxisTitles(Chart chart) {
        boolean visible = !Boolean.TRUE.equals(chart.getData(EMPTY)) && !compact(chart);
        for (org.eclipse.swtchart.IAxis axis : chart.getAxisSet().getAxes()) {
            axis.getTitle().setVisible(visible);
        }
    }

    /** Charts lower than this drop their axis titles and use a smaller title font, so the scales keep room. */
    static final int COMPACT_BELOW = 220;
    private static final String EMPTY = "fluffy.empty";
    private static final String TITLE_FONT = "fluffy.titleFont";

    /** Whether the chart is too low for axis titles (at 1280 x 800 the monitor's charts are about 150 px). */
    static boolean compact(Chart chart) {
        int height = chart.getSize().y;
        return height > 0 && height < COMPACT_BELOW;
    }

    /**
     * Follows the chart's height: low charts lose their axis titles (the chart title and legend say what is
     * drawn) and get a smaller title, and SWTChart then has room for the tick labels of the value axis.
     */
    static void fitToHeight(Chart chart) {
        chart.setData(TITLE_FONT, chart.getTitle().getFont());
        chart.addListener(SWT.Resize, e -> {
            chart.getTitle().setFont(compact(chart)
                    ? org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(
                            org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT)
                    : (org.eclipse.swt.graphics.Font) chart.getData(TITLE_FONT));
            showAxisTitles(chart);
        });
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
            showEmpty(chart, title, x.length == 0);
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
