package fluffy.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.swt.layout.FillLayout;
import org.junit.jupiter.api.Test;

import fluffy.ui.widgets.SwtFixture;

class LossChartTest {

    @Test
    void curvesAreShownAndMismatchedLengthsRejected() {
        try (SwtFixture swt = new SwtFixture(500, 300)) {
            swt.shell.setLayout(new FillLayout());
            LossChart chart = new LossChart(swt.shell);
            swt.open();
            chart.setCurves(new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.3}, new double[] {1.0, 0.7, 0.6});
            swt.flush();
            assertArrayEquals(new double[] {0.9, 0.5, 0.3},
                    chart.chart().getSeriesSet().getSeries(LossChart.TRAIN).getYSeries());
            assertArrayEquals(new double[] {1.0, 0.7, 0.6},
                    chart.chart().getSeriesSet().getSeries(LossChart.VALIDATION).getYSeries());
            assertThrows(IllegalArgumentException.class,
                    () -> chart.setCurves(new double[] {1}, new double[] {1, 2}, new double[] {1}));
        }
    }
}
