package fluffy.training;

import java.time.Duration;

import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Augmentation;

/**
 * How to train (as opposed to what: the model type's hyperparameters).
 *
 * @param epochs        at most this many epochs
 * @param timeBudget    stop before an epoch that would overrun it (null: no limit); the learning rate's
 *                      cosine then runs over the budget's time rather than the epochs
 */
public record TrainingSettings(String optimizer, double learningRate, int batchSize, int crop, int epochs,
        int stepsPerEpoch, Duration timeBudget, long seed, Augmentation augmentation, SessionSettings session) {

    public TrainingSettings {
        if (batchSize < 1 || crop < 8 || epochs < 1 || stepsPerEpoch < 1 || learningRate <= 0) {
            throw new IllegalArgumentException("invalid training settings: batch " + batchSize + ", crop " + crop
                    + ", epochs " + epochs + ", steps per epoch " + stepsPerEpoch + ", learning rate " + learningRate);
        }
    }

    public TrainingSettings withEpochs(int newEpochs, Duration budget) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, newEpochs, stepsPerEpoch, budget, seed,
                augmentation, session);
    }

    /**
     * The settings a model's training summary records (optimizer, learning rate, batch, crop, seed), over
     * {@code fallback} for everything else: how a resumed run trains on exactly as before.
     */
    public static TrainingSettings from(java.util.Map<String, String> summary, TrainingSettings fallback) {
        return new TrainingSettings(summary.getOrDefault("optimizer", fallback.optimizer()),
                Double.parseDouble(summary.getOrDefault("learning_rate", Double.toString(fallback.learningRate()))),
                Integer.parseInt(summary.getOrDefault("batch", Integer.toString(fallback.batchSize()))),
                Integer.parseInt(summary.getOrDefault("crop", Integer.toString(fallback.crop()))), fallback.epochs(),
                fallback.stepsPerEpoch(), fallback.timeBudget(),
                Long.parseLong(summary.getOrDefault("seed", Long.toString(fallback.seed()))), fallback.augmentation(),
                fallback.session());
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget,
                newSeed, augmentation, session);
    }
}
