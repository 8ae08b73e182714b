package fluffy.training;

/**
 * The learning rate over a training: a linear warm-up over the first epoch, then a cosine from the peak
 * down to 2% of it. The cosine runs over the epochs, or, with a time budget, over the budget's time, so
 * the rate only ever falls and reaches its floor when the time is up however the pace varies.
 */
final class Schedule {

    private static final double FLOOR = 0.02;

    private final TrainingSettings settings;
    private final long began = System.nanoTime();

    Schedule(TrainingSettings settings) {
        this.settings = settings;
    }

    double learningRate(long step) {
        long warmup = settings.stepsPerEpoch();
        if (step < warmup) {
            return settings.learningRate() * (step + 1) / warmup;
        }
        return settings.learningRate() * (FLOOR + (1 - FLOOR) * 0.5 * (1 + Math.cos(Math.PI * progress(step))));
    }

    /** How far through the training we are, 0 to 1, after the warm-up. */
    double progress(long step) {
        long warmup = settings.stepsPerEpoch();
        if (settings.timeBudget() != null) {
            double budget = settings.timeBudget().toNanos();
            // A resumed run gets the budget again from its restart.
            return Math.min(1, (System.nanoTime() - began) / budget);
        }
        long total = Math.max(warmup + 1, (long) settings.epochs() * settings.stepsPerEpoch());
        return Math.min(1, Math.max(0, (step - warmup) / (double) (total - warmup)));
    }

    /** Whether another epoch as long as the last one would overrun the time budget. */
    boolean outOfTime(double lastEpochSeconds) {
        if (settings.timeBudget() == null) {
            return false;
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        return elapsed + lastEpochSeconds > settings.timeBudget().toMillis() / 1000.0;
    }
}
