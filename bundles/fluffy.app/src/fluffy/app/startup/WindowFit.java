package fluffy.app.startup;

/**
 * Where the main window goes on a screen: its designed bounds when they fit the screen's work area, else
 * as large as they can be there (a 1280 x 800 laptop screen gets a window that fills it, not one that
 * runs off its edges with the Results Viewer and the Training Monitor cut off).
 */
public final class WindowFit {

    /** The bounds, {x, y, width, height}. */
    public record Bounds(int x, int y, int width, int height) {
    }

    private WindowFit() {
    }

    /** {@code window} moved and shrunk as little as needed to lie inside {@code screen}. */
    public static Bounds within(Bounds window, Bounds screen) {
        int width = Math.min(window.width(), screen.width());
        int height = Math.min(window.height(), screen.height());
        int x = clamp(window.x(), screen.x(), screen.x() + screen.width() - width);
        int y = clamp(window.y(), screen.y(), screen.y() + screen.height() - height);
        return new Bounds(x, y, width, height);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
