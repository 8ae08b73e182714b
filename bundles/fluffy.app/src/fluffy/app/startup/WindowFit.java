package fluffy.app.startup;

/**
 * Where the main window goes on a screen. A screen smaller than the designed bounds gets a window as large
 * as its work area (a 1280 x 800 laptop screen gets a window that fills it, not one that runs off its edges
 * with the Results Viewer and the Training Monitor cut off); a larger one gets a window of
 * {@link #LARGE_SCREEN_SHARE} of its work area, centred, so that on a 1920 x 1080 screen the four views get
 * the room (the image, the charts' scales) instead of a 1480 x 920 window in a corner.
 */
public final class WindowFit {

    /** The bounds, {x, y, width, height}. */
    public record Bounds(int x, int y, int width, int height) {
    }

    private WindowFit() {
    }

    /** The share of each side of a work area larger than the design that the window takes. */
    public static final double LARGE_SCREEN_SHARE = 0.94;

    /**
     * {@code window} grown to {@link #LARGE_SCREEN_SHARE} of a larger {@code screen} (and centred there), or
     * moved and shrunk as little as needed to lie inside it.
     */
    public static Bounds within(Bounds window, Bounds screen) {
        int width = Math.min(screen.width(), Math.max(window.width(), (int) Math.round(screen.width() * LARGE_SCREEN_SHARE)));
        int height = Math.min(screen.height(),
                Math.max(window.height(), (int) Math.round(screen.height() * LARGE_SCREEN_SHARE)));
        if (width > window.width() || height > window.height()) {
            return new Bounds(screen.x() + (screen.width() - width) / 2, screen.y() + (screen.height() - height) / 2,
                    width, height);
        }
        int x = clamp(window.x(), screen.x(), screen.x() + screen.width() - width);
        int y = clamp(window.y(), screen.y(), screen.y() + screen.height() - height);
        return new Bounds(x, y, width, height);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
