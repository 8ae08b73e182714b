package fluffy.headless;

/** The process exit codes of {@code fluffy <command>}; documented in the README. */
public final class ExitCodes {

    /** The command did everything it was asked. */
    public static final int OK = 0;
    /** The command failed; the reason is on standard error. */
    public static final int FAILED = 1;
    /** Unknown command or wrong options; nothing was done. */
    public static final int USAGE = 2;
    /** Some inputs failed and are named on standard error; all others were processed. */
    public static final int PARTIAL = 3;

    private ExitCodes() {
    }
}
