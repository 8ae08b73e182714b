package fluffy.models;

/**
 * A network's per-class probabilities for one image, read where they are kept (prediction keeps them as
 * 16-bit fixed point): {@link ModelType#labelMap(ClassProbabilities, HyperparameterValues)} can use them
 * without an image-sized float copy of every class.
 */
public interface ClassProbabilities {

    int width();

    int height();

    int classCount();

    /** Probability of class {@code c} at pixel index {@code pixel} (row-major). */
    float get(int c, int pixel);

    /** A view of probabilities given as floats, [classes, height, width]. */
    static ClassProbabilities of(float[] probabilities, int classes, int width, int height) {
        int n = Math.multiplyExact(width, height);
        if (probabilities.length != Math.multiplyExact(classes, n)) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + classes + " classes of "
                    + width + " x " + height);
        }
        return new ClassProbabilities() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public int classCount() {
                return classes;
            }

            @Override
            public float get(int c, int pixel) {
                return probabilities[c * n + pixel];
            }
        };
    }

    /** Every class as floats, [classes, height, width]. */
    default float[] toArray() {
        int n = Math.multiplyExact(width(), height());
        float[] out = new float[Math.multiplyExact(classCount(), n)];
        for (int c = 0; c < classCount(); c++) {
            for (int i = 0; i < n; i++) {
                out[c * n + i] = get(c, i);
            }
        }
        return out;
    }
}
