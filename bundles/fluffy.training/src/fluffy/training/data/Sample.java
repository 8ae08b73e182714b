package fluffy.training.data;

import fluffy.core.labels.LabelMap;

/**
 * One training image, ready for the network: the normalised image ([channels, height, width], each channel
 * normalised by its own percentiles), its label map, and the model type's targets for the whole image
 * ([classes, height, width], computed before any crop).
 */
public record Sample(String name, int width, int height, float[] image, LabelMap labels, float[] targets) {

    public Sample {
        if (image.length == 0 || image.length % (width * height) != 0 || labels.width() != width || labels.height() != height
                || targets.length % (width * height) != 0) {
            throw new IllegalArgumentException(name + ": image, label map and targets differ in size");
        }
    }

    public int channels() {
        return image.length / (width * height);
    }

    public int classes() {
        return targets.length / (width * height);
    }
}
