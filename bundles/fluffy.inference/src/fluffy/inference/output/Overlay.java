package fluffy.inference.output;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;

/**
 * Rows of the overlay PNG: the image in grey (its normalisation percentiles stretched to black and
 * white) with each object's outline in its own colour. A pixel is outline when it belongs to an object
 * and a 4-neighbour does not belong to the same one.
 */
public record Overlay(Plane image, LabelMap labels, Normalization.Scaling display) implements Png.Rows {

    @Override
    public void row(int y, byte[] out) {
        int w = image.width();
        int[] l = labels.labels();
        paint(image.data(), y * w, l, y > 0 ? (y - 1) * w : -1, y * w, y < image.height() - 1 ? (y + 1) * w : -1, w,
                display, out);
    }

    /**
     * One overlay row: {@code w} samples of the image from {@code pixels}, the labels of the row at {@code here}
     * in {@code labels} and of its neighbours at {@code above} and {@code below} (-1 at the image's edge).
     */
    static void paint(float[] image, int pixels, int[] labels, int above, int here, int below, int w,
            Normalization.Scaling display, byte[] out) {
        for (int x = 0; x < w; x++) {
            int label = labels[here + x];
            boolean edge = label != 0 && ((x > 0 && labels[here + x - 1] != label)
                    || (x < w - 1 && labels[here + x + 1] != label) || (above >= 0 && labels[above + x] != label)
                    || (below >= 0 && labels[below + x] != label));
            int rgb;
            if (edge) {
                rgb = colour(label);
            } else {
                int g = Math.round(255 * Math.max(0, Math.min(1, display.apply(image[pixels + x]))));
                rgb = g << 16 | g << 8 | g;
            }
            out[3 * x] = (byte) (rgb >> 16);
            out[3 * x + 1] = (byte) (rgb >> 8);
            out[3 * x + 2] = (byte) rgb;
        }
    }

    /** Bright, well-separated colours: hues a golden angle apart, so neighbours rarely look alike. */
    static int colour(int label) {
        float hue = (float) ((label * 0.6180339887) % 1.0);
        return java.awt.Color.HSBtoRGB(hue, 0.9f, 1f) & 0xffffff;
    }
}
