package fluffy.models;

/**
 * What a model type's output channels are, declared by the type ({@link ModelType#outputLayout}), so that
 * code around the network (semantic objects, binary masks) knows the foreground without knowing the type.
 * How touching objects become instances is not a layout question: that step is the type's own
 * ({@link ModelType#labelMap}).
 */
public enum OutputLayout {

    /** One channel, the probability that a pixel belongs to an object (a sigmoid output). */
    FOREGROUND,

    /** Classes that sum to one per pixel (a softmax output), channel 0 the background. */
    CLASSES;

    /** Whether pixel {@code i} of {@code probabilities} ([classes, height, width]) is foreground. */
    public boolean isForeground(float[] probabilities, int i) {
        return this == FOREGROUND ? probabilities[i] > 0.5f : probabilities[i] < 0.5f;
    }
}
