package fluffy.inference.bioimageio;

import fluffy.inference.PredictionModel;

/**
 * A tensor of one image as float planes, [channels, height, width]: a package's input after its
 * pre-processing, or the network's raw output before its post-processing (which needs the whole image).
 */
final class FloatPlanes implements PredictionModel.Outputs {

    final int channels;
    final int width;
    final int height;
    final float[] values;

    FloatPlanes(int channels, int width, int height) {
        this(channels, width, height, new float[Math.multiplyExact(channels, Math.multiplyExact(width, height))]);
    }

    FloatPlanes(int channels, int width, int height, float[] values) {
        this.channels = channels;
        this.width = width;
        this.height = height;
        this.values = values;
    }

    int pixels() {
        return width * height;
    }

    float get(int c, int i) {
        return values[c * pixels() + i];
    }

    @Override
    public void set(int channel, int index, float value) {
        values[channel * pixels() + index] = value;
    }
}
