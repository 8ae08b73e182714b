package fluffy.app.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The main window keeps its designed bounds where they fit and fills a smaller screen instead of running off it. */
class WindowFitTest {

    private static final WindowFit.Bounds DESIGN = new WindowFit.Bounds(40, 40, 1480, 920);

    @Test
    void aLargeScreenGetsMostOfItsWorkAreaCentred() {
        // 94 % of 1920 x 1080: 1805 x 1015, centred.
        assertEquals(new WindowFit.Bounds(57, 32, 1805, 1015),
                WindowFit.within(DESIGN, new WindowFit.Bounds(0, 0, 1920, 1080)));
        // A screen of exactly the design keeps it where it fits.
        assertEquals(new WindowFit.Bounds(0, 0, 1480, 920),
                WindowFit.within(DESIGN, new WindowFit.Bounds(0, 0, 1480, 920)));
    }

    @Test
    void aLaptopScreenIsFilledNotOverrun() {
        assertEquals(new WindowFit.Bounds(0, 0, 1280, 800),
                WindowFit.within(DESIGN, new WindowFit.Bounds(0, 0, 1280, 800)));
        // A work area below a top panel, wider but lower than the design: as high as the area, below the
        // panel, 94 % of its width, centred.
        assertEquals(new WindowFit.Bounds(48, 28, 1504, 900),
                WindowFit.within(DESIGN, new WindowFit.Bounds(0, 28, 1600, 900)));
    }

    @Test
    void aSecondMonitorToTheRightGetsTheWindowOnIt() {
        assertEquals(new WindowFit.Bounds(1920 + 77, 43, 2406, 1354),
                WindowFit.within(DESIGN, new WindowFit.Bounds(1920, 0, 2560, 1440)));
    }
}
