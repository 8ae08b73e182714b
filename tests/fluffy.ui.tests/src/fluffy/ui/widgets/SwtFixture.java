package fluffy.ui.widgets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** A real display and shell for widget tests, plus helpers to wait for and look at what is drawn. */
public final class SwtFixture implements AutoCloseable {

    public final Display display;
    public final Shell shell;

    public SwtFixture(int width, int height) {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(width, height);
    }

    public void open() {
        shell.layout(true, true);
        shell.open();
        flush();
    }

    /** Runs the event loop until nothing is pending. */
    public void flush() {
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    /** Runs the event loop until {@code condition} holds or the time is up; returns whether it held. */
    public boolean waitUntil(BooleanSupplier condition, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
        return condition.getAsBoolean();
    }

    /** What {@code control} looks like on screen right now. */
    public ImageData snapshot(Control control) {
        control.redraw();
        control.update();
        flush();
        var size = control.getSize();
        Image image = new Image(display, size.x, size.y);
        GC gc = new GC(image);
        try {
            if (!control.print(gc)) {
                throw new IllegalStateException("this platform cannot print " + control);
            }
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The folder of the shared test data, or {@code null} when this checkout has none. */
    public static Path sharedData(String sub) {
        String root = System.getProperty("fluffy.shared.data", "../../../shared/data");
        Path dir = Path.of(root, sub);
        return Files.isDirectory(dir) ? dir : null;
    }

    @Override
    public void close() {
        shell.dispose();
        flush();
    }
}
