package fluffy.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.junit.jupiter.api.Test;

import fluffy.ui.widgets.SwtFixture;

class EpochChartTest {

    @Test
    void curvesAreShownAndMismatchedLengthsRejected() {
        try (SwtFixture swt = new SwtFixture(500, 300)) {
            swt.shell.setLayout(new FillLayout());
            EpochChart chart = new EpochChart(swt.shell, "Loss", "loss", new String[] {"train", "validation"},
                    new int[] {SWT.COLOR_DARK_BLUE, SWT.COLOR_DARK_RED});
            swt.open();
            assertEquals("Loss: no run yet", chart.chart().getTitle().getText(), "no empty 0..1 frame before data");
            assertFalse(chart.chart().getAxisSet().getXAxis(0).getTick().isVisible());
            chart.setCurves(new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.3}, new double[] {1.0, 0.7, 0.6});
            swt.flush();
            assertEquals("Loss", chart.chart().getTitle().getText());
            assertTrue(chart.chart().getAxisSet().getXAxis(0).getTick().isVisible());
            assertEquals("2", chart.chart().getAxisSet().getXAxis(0).getTick().getFormat().format(2.0));
            assertEquals("", chart.chart().getAxisSet().getXAxis(0).getTick().getFormat().format(2.5),
                    "no label between two epochs");
            assertArrayEquals(new double[] {0.9, 0.5, 0.3}, chart.curve("train"));
            assertArrayEquals(new double[] {1.0, 0.7, 0.6}, chart.curve("validation"));
            assertThrows(IllegalArgumentException.class,
                    () -> chart.setCurves(new double[] {1}, new double[] {1, 2}, new double[] {1}));
            assertThrows(IllegalArgumentException.class, () -> chart.setCurves(new double[] {1}, new double[] {1}));
        }
    }

    @Test
    void aLowChartDropsItsAxisTitlesAndATallOneKeepsThem() {
        try (SwtFixture swt = new SwtFixture(500, 150)) {
            swt.shell.setLayout(new FillLayout());
            EpochChart chart = new EpochChart(swt.shell, "Loss", "loss", new String[] {"train"},
                    new int[] {SWT.COLOR_DARK_BLUE});
            swt.open();
            chart.setCurves(new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.3});
            swt.flush();
            assertTrue(chart.chart().getSize().y < EpochChart.COMPACT_BELOW, "the shell makes a low chart");
            assertFalse(chart.chart().getAxisSet().getXAxis(0).getTitle().isVisible(), "no axis title when low");
            assertTrue(chart.chart().getAxisSet().getYAxis(0).getTick().isVisible(), "the value scale stays");
            swt.shell.setSize(500, 400);
            swt.flush();
            assertTrue(chart.chart().getAxisSet().getXAxis(0).getTitle().isVisible(), "axis titles when tall");
            assertTrue(chart.chart().getAxisSet().getYAxis(0).getTitle().isVisible());
        }
    }
}
