package fluffy.commands.bench;

import java.util.Arrays;

/** Median of repeated timings, the figure benchmarks report (robust to a noisy shared machine). */
final class Medians {

    private Medians() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
