package fluffy.ui.widgets;

import org.eclipse.swt.widgets.Display;

/**
 * Runs an update at most once per period however often it is requested: epochs or tiles can arrive
 * faster than a chart or an image is worth redrawing. The first request is served after one period, so
 * a burst costs one update. Call on the display thread.
 */
public final class RedrawThrottle {

    private final Display display;
    private final int periodMillis;
    private final Runnable update;
    private boolean scheduled;

    public RedrawThrottle(Display display, int periodMillis, Runnable update) {
        this.display = display;
        this.periodMillis = periodMillis;
        this.update = update;
    }

    /** Asks for an update; returns at once. */
    public void request() {
        if (scheduled || display.isDisposed()) {
            return;
        }
        scheduled = true;
        display.timerExec(periodMillis, () -> {
            scheduled = false;
            update.run();
        });
    }
}
