package fluffy.runtime.session;

/**
 * Images and their training targets, both NCHW float32: {@code images} is [n, imageChannels, height, width]
 * and {@code targets} [n, targetChannels, height, width] (targets may be null for inference-only use).
 */
public record Batch(float[] images, float[] targets, int n, int imageChannels, int targetChannels, int height,
        int width) {

    public Batch {
        if ((long) n * imageChannels * height * width != images.length) {
            throw new IllegalArgumentException("images hold " + images.length + " values, expected " + n + "x"
                    + imageChannels + "x" + height + "x" + width);
        }
        if (targets != null && (long) n * targetChannels * height * width != targets.length) {
            throw new IllegalArgumentException("targets hold " + targets.length + " values, expected " + n + "x"
                    + targetChannels + "x" + height + "x" + width);
        }
    }

    long[] imageShape() {
        return new long[] {n, imageChannels, height, width};
    }

    long[] targetShape() {
        return new long[] {n, targetChannels, height, width};
    }
}
