package fluffy.ui.widgets;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * Turns the current plane of an ImageJ image into SWT image data for display. Grey images are
 * contrast-stretched so that {@value #SATURATED} of the pixels saturate at each end, as ImageJ's "Auto"
 * does: microscopy images often use a small part of their bit depth and would look black otherwise.
 */
public final class DisplayImages {

    /** Fraction of pixels allowed to saturate at each end of the grey range. */
    public static final double SATURATED = 0.0035;

    private static final PaletteData GREYS = greys();

    private DisplayImages() {
    }

    public static ImageData toImageData(ImagePlus image) {
        ImageProcessor ip = image.getProcessor();
        return ip instanceof ColorProcessor rgb ? rgb(rgb) : grey(ip);
    }

    private static ImageData grey(ImageProcessor ip) {
        double[] range = DisplayRange.stretched(ip, SATURATED);
        return grey(ip, range[0], range[1]);
    }

    /**
     * Maps [low, high] linearly onto 0..255, clipping outside; low shows black and high white. The
     * Annotation Editor's contrast sliders choose the range.
     */
    public static ImageData grey(ImageProcessor ip, double low, double high) {
        double[] range = {low, high > low ? high : low + 1e-6};
        double scale = 255 / (range[1] - range[0]);
        int w = ip.getWidth();
        byte[] row = new byte[w];
        ImageData data = new ImageData(w, ip.getHeight(), 8, GREYS);
        for (int y = 0; y < ip.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                double v = (ip.getf(x, y) - range[0]) * scale;
                row[x] = (byte) (v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v));
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }

    private static ImageData rgb(ColorProcessor ip) {
        int w = ip.getWidth();
        int[] pixels = (int[]) ip.getPixels();
        ImageData data = new ImageData(w, ip.getHeight(), 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        for (int y = 0; y < ip.getHeight(); y++) {
            data.setPixels(0, y, w, pixels, y * w);
        }
        return data;
    }

    private static PaletteData greys() {
        RGB[] colours = new RGB[256];
        for (int i = 0; i < 256; i++) {
            colours[i] = new RGB(i, i, i);
        }
        return new PaletteData(colours);
    }
}
