package fluffy.core.image;

/**
 * Separable Gaussian blur with edge clamping (the kernel cut at 3 sigma): the microscope's point spread in
 * synthetic images, an out-of-focus crop in training's augmentation.
 */
public final class GaussianBlur {

    private GaussianBlur() {
    }

    /** A blurred copy of a {@code w} x {@code h} plane. */
    public static float[] gaussian(float[] src, int w, int h, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        float[] tmp = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(w - 1, Math.max(0, x + k));
                    s += kernel[k + radius] * src[y * w + xx];
                }
                tmp[y * w + x] = s;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.min(h - 1, Math.max(0, y + k));
                    s += kernel[k + radius] * tmp[yy * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
