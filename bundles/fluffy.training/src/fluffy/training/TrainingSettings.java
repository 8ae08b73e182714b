package fluffy.training;

import java.time.Duration;
import java.util.Map;

import fluffy.core.image.ChannelSelection;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Augmentation;

/**
 * How to train (as opposed to what: the model type's hyperparameters). {@link #defaults} is the one home
 * of the default values: {@code fluffy train}, the Train dialog and resume all start from it and change
 * what the user gave with the {@code with…} methods.
 *
 * @param epochs        at most this many epochs
 * @param timeBudget    stop before an epoch that would overrun it (null: no limit); the learning rate's
 *                      cosine then runs over the budget's time rather than the epochs
 * @param channels      the image channels the model takes, in its order (default: one grey plane)
 */
public record TrainingSettings(String optimizer, double learningRate, int batchSize, int crop, int epochs,
        int stepsPerEpoch, Duration timeBudget, long seed, Augmentation augmentation, SessionSettings session,
        int patience, ChannelSelection channels) {

    /** On the default grey plane of each image. */
    public TrainingSettings(String optimizer, double learningRate, int batchSize, int crop, int epochs,
            int stepsPerEpoch, Duration timeBudget, long seed, Augmentation augmentation, SessionSettings session,
            int patience) {
        this(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget, seed, augmentation, session,
                patience, ChannelSelection.DEFAULT);
    }

    public TrainingSettings {
        java.util.Objects.requireNonNull(channels, "channels");
        if (batchSize < 1 || crop < 8 || epochs < 1 || stepsPerEpoch < 1 || learningRate <= 0 || patience < 0) {
            throw new IllegalArgumentException("invalid training settings: batch " + batchSize + ", crop " + crop
                    + ", epochs " + epochs + ", steps per epoch " + stepsPerEpoch + ", learning rate " + learningRate);
        }
    }

    /**
     * The defaults: Adam, 250 epochs at most (as the original), and 128-pixel crops, 100 steps per epoch and
     * a peak learning rate of 3e-3, which reached the best object F1 within 20 CPU minutes on dsb2018-fluo
     * (256-pixel crops cost four times as much per step; each epoch ends with a validation).
     */
    public static TrainingSettings defaults(SessionSettings session) {
        return new TrainingSettings("adam", 3e-3, 8, 128, 250, 100, null, 1, Augmentation.DEFAULT, session, 0);
    }

    public TrainingSettings withOptimizer(String newOptimizer) {
        return new TrainingSettings(newOptimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget,
                seed, augmentation, session, patience, channels);
    }

    public TrainingSettings withLearningRate(double newLearningRate) {
        return new TrainingSettings(optimizer, newLearningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget,
                seed, augmentation, session, patience, channels);
    }

    public TrainingSettings withBatchSize(int newBatchSize) {
        return new TrainingSettings(optimizer, learningRate, newBatchSize, crop, epochs, stepsPerEpoch, timeBudget,
                seed, augmentation, session, patience, channels);
    }

    public TrainingSettings withCrop(int newCrop) {
        return new TrainingSettings(optimizer, learningRate, batchSize, newCrop, epochs, stepsPerEpoch, timeBudget,
                seed, augmentation, session, patience, channels);
    }

    public TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, newEpochs, stepsPerEpoch, timeBudget,
                seed, augmentation, session, patience, channels);
    }

    public TrainingSettings withStepsPerEpoch(int newSteps) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, newSteps, timeBudget, seed,
                augmentation, session, patience, channels);
    }

    /** @param budget null for no limit */
    public TrainingSettings withTimeBudget(Duration budget) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, budget, seed,
                augmentation, session, patience, channels);
    }

    public TrainingSettings withEpochs(int newEpochs, Duration budget) {
        return withEpochs(newEpochs).withTimeBudget(budget);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget,
                newSeed, augmentation, session, patience, channels);
    }

    public TrainingSettings withAugmentation(Augmentation newAugmentation) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget, seed,
                newAugmentation, session, patience, channels);
    }

    public TrainingSettings withPatience(int newPatience) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget, seed,
                augmentation, session, newPatience, channels);
    }

    /** The image channels to train on, in the model's order. */
    public TrainingSettings withChannels(ChannelSelection newChannels) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget, seed,
                augmentation, session, patience, newChannels);
    }

    public TrainingSettings withSession(SessionSettings newSession) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget, seed,
                augmentation, newSession, patience, channels);
    }

    /**
     * The settings a model's training summary records (optimizer, learning rate, batch, crop, seed, augmentation,
     * patience), over
     * {@code fallback} for everything else: how a resumed run trains on exactly as before.
     */
    public static TrainingSettings from(Map<String, String> summary, TrainingSettings fallback) {
        return new TrainingSettings(summary.getOrDefault("optimizer", fallback.optimizer()),
                Double.parseDouble(summary.getOrDefault("learning_rate", Double.toString(fallback.learningRate()))),
                Integer.parseInt(summary.getOrDefault("batch", Integer.toString(fallback.batchSize()))),
                Integer.parseInt(summary.getOrDefault("crop", Integer.toString(fallback.crop()))), fallback.epochs(),
                fallback.stepsPerEpoch(), fallback.timeBudget(),
                Long.parseLong(summary.getOrDefault("seed", Long.toString(fallback.seed()))),
                summary.containsKey("augmentation") ? Augmentation.decode(summary.get("augmentation"))
                        : fallback.augmentation(),
                fallback.session(), Integer.parseInt(summary.getOrDefault("patience",
                        Integer.toString(fallback.patience()))),
                summary.containsKey("channels") ? ChannelSelection.parse(summary.get("channels")) : fallback.channels());
    }
}
