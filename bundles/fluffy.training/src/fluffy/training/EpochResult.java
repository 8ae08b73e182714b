package fluffy.training;

/**
 * What one epoch of training achieved, as logged, charted and sent to listeners.
 *
 * @param valF1   object F1 at IoU 0.5 on the validation images
 * @param best    whether this epoch's weights are the best so far (and kept as the checkpoint)
 */
public record EpochResult(int epoch, double trainLoss, double valLoss, double valDice, double valF1,
        double learningRate, double seconds, boolean best) {
}
