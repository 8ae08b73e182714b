package fluffy.training;

import java.time.Duration;

import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Augmentation;

/**
 * How to train (as opposed to what: the model type's hyperparameters).
 *
 * @param epochs        at most this many epochs
 * @param timeBudget    stop after the epoch that exhausts it (null: no limit); the learning-rate schedule
 *                      is fitted to the epochs the budget allows once the first epoch has been timed
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

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget,
                newSeed, augmentation, session);
    }
}
