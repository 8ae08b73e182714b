package fluffy.ui.training;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a training still takes: the remaining epochs at the pace of the recent ones, capped by what
 * is left of the time budget (training stops before an epoch that would overrun it).
 */
public final class Eta {

    /** Epochs whose pace counts; older ones include the warm-up. */
    static final int RECENT = 5;

    private Eta() {
    }

    /**
     * @param planned the epochs asked for
     * @param budget  the time budget, or null
     * @return the estimate, or null before the first epoch
     */
    public static Duration remaining(RunCurves curves, int planned, Duration budget) {
        if (curves.size() == 0) {
            return null;
        }
        double pace = curves.recentSecondsPerEpoch(RECENT);
        double byEpochs = Math.max(0, planned - curves.lastEpoch()) * pace;
        double seconds = byEpochs;
        if (budget != null) {
            seconds = Math.min(seconds, Math.max(0, budget.toMillis() / 1000.0 - curves.totalSeconds()));
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** {@code 2 h 05 min}, {@code 7 min 30 s}, {@code 45 s}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
