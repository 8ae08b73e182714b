package fluffy.app.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The main window keeps its designed bounds where they fit and fills a smaller screen instead of running off it. */
class WindowFitTest {

    private static final WindowFit.Bounds DESIGN = new WindowFit.Bounds(40, 40, 1480, 920);

    @Test
    void aLargeScreenKeepsTheDesignedBounds() {
        assertEquals(DESIGN, WindowFit.within(DESIGN, new WindowFit.Bounds(0, 0, 1920, 1080)));
    }

    @Test
    void aLaptopScreenIsFilledNotOverrun() {
        assertEquals(new WindowFit.Bounds(0, 0, 1280, 800),
                WindowFit.within(DESIGN, new WindowFit.Bounds(0, 0, 1280, 800)));
        // A work area below a top panel: the window starts below it.
        assertEquals(new WindowFit.Bounds(40, 28, 1480, 900),
                WindowFit.within(DESIGN, new WindowFit.Bounds(0, 28, 1600, 900)));
    }

    @Test
    void aSecondMonitorToTheRightGetsTheWindowOnIt() {
        assertEquals(new WindowFit.Bounds(1920, 40, 1480, 920),
                WindowFit.within(DESIGN, new WindowFit.Bounds(1920, 0, 2560, 1440)));
    }
}
