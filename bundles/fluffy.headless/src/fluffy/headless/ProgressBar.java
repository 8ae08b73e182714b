package fluffy.headless;

import java.io.PrintStream;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * A text progress bar for batch commands, driven like any {@code IProgressMonitor}, so the synchronous
 * APIs that the workbench runs in Jobs report to it unchanged. It draws on standard error, where it
 * does not mix with results:
 *
 * <pre>
 * [########------------]  40%  cells_03.czi
 * </pre>
 *
 * On a terminal the bar is redrawn in place; in a log or a pipe each step is a line of its own, so the
 * record stays readable.
 */
public final class ProgressBar extends NullProgressMonitor {

    private static final int WIDTH = 20;

    private final PrintStream out;
    private final boolean redraw;
    private int total = UNKNOWN;
    private double done;
    private String current = "";
    private int lastLength;

    /**
     * @param redraw whether {@code out} is a terminal on which the bar can be redrawn in place (see
     *               {@link #isTerminal()})
     */
    public ProgressBar(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /**
     * A bar on a command's error stream ({@code CommandContext.err()}), redrawn in place only when that
     * is the process's standard error and a terminal.
     */
    public static ProgressBar on(PrintStream err) {
        return new ProgressBar(err, err == System.err && isTerminal());
    }

    /**
     * Whether the process runs on a terminal. From Java 22 {@code System.console()} exists even when
     * output is redirected, and only {@code Console.isTerminal()} (absent in 21) tells; it is looked up
     * reflectively because the bundle targets Java 21.
     */
    public static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public void beginTask(String name, int totalWork) {
        super.beginTask(name, totalWork);
        total = totalWork;
        done = 0;
    }

    @Override
    public void subTask(String name) {
        current = name == null ? "" : name;
        draw(false);
    }

    @Override
    public void worked(int work) {
        internalWorked(work);
    }

    @Override
    public void internalWorked(double work) {
        done += work;
    }

    @Override
    public void done() {
        current = "done";
        draw(true);
    }

    /**
     * Wipes a bar drawn in place, so a result line printed next starts on a clean line; the next step
     * draws the bar again below it. Does nothing in a log.
     */
    public void clear() {
        if (redraw && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    /**
     * The bar as drawn, e.g. {@code [##########----------]  50%  b.tif}. A percentage rather than a
     * count: work arrives through {@code SubMonitor}s, which rescale it.
     */
    String render() {
        if (total <= 0) {
            return "[" + "?".repeat(WIDTH) + "]  " + current;
        }
        double fraction = Math.min(1, done / total);
        int filled = (int) Math.round(WIDTH * fraction);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]  " + String.format("%3d%%", (int) Math.floor(100 * fraction + 1e-9))
                + "  " + current;
    }

    private void draw(boolean last) {
        String line = render();
        if (redraw) {
            // Pad over the previous, possibly longer, line; end with a newline only when finished.
            String padded = line + " ".repeat(Math.max(0, lastLength - line.length()));
            out.print("\r" + padded + (last ? System.lineSeparator() : ""));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }
}
