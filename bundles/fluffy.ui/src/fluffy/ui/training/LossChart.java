package fluffy.ui.training;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxisSet;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;

/** The loss curves of one training run: training and validation loss per epoch. */
public final class LossChart {

    static final String TRAIN = "training loss";
    static final String VALIDATION = "validation loss";

    private final Chart chart;

    public LossChart(Composite parent) {
        chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setText("Loss per epoch");
        IAxisSet axes = chart.getAxisSet();
        axes.getXAxis(0).getTitle().setText("epoch");
        axes.getYAxis(0).getTitle().setText("loss");
        line(TRAIN, SWT.COLOR_DARK_BLUE);
        line(VALIDATION, SWT.COLOR_DARK_RED);
    }

    public Chart chart() {
        return chart;
    }

    /** Replaces both curves; {@code epochs}, {@code train} and {@code validation} have equal lengths. */
    public void setCurves(double[] epochs, double[] train, double[] validation) {
        if (epochs.length != train.length || epochs.length != validation.length) {
            throw new IllegalArgumentException("curves of different lengths: " + epochs.length + ", "
                    + train.length + ", " + validation.length);
        }
        set(TRAIN, epochs, train);
        set(VALIDATION, epochs, validation);
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    private void set(String id, double[] x, double[] y) {
        chart.getSeriesSet().getSeries(id).setXSeries(x);
        chart.getSeriesSet().getSeries(id).setYSeries(y);
    }

    private void line(String id, int colour) {
        ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
        series.setLineColor(chart.getDisplay().getSystemColor(colour));
        series.setSymbolSize(3);
    }
}
