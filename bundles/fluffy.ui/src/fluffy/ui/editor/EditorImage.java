package fluffy.ui.editor;

import java.nio.file.Path;

import org.eclipse.swt.graphics.ImageData;

import fluffy.ui.widgets.DisplayImages;
import fluffy.ui.widgets.DisplayRange;
import fluffy.ui.widgets.ImagePreview;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * The image being annotated: its first plane kept as ImageJ pixels so the contrast can be changed
 * without reading the file again, the automatic range (as ImageJ's "Auto") and the full data range.
 */
public record EditorImage(Path file, ImageProcessor pixels, double[] auto, double min, double max,
        String description) {

    /**
     * Reads the first plane; slow for large files, so called off the UI thread.
     *
     * @throws IllegalArgumentException naming the file when ImageJ cannot open it
     */
    public static EditorImage read(Path file) {
        ImagePlus image = IJ.openImage(file.toString());
        if (image == null) {
            throw new IllegalArgumentException("Cannot open " + file + ": not an image ImageJ can read");
        }
        try {
            ImageProcessor ip = image.getProcessor();
            ip.resetMinAndMax();
            return new EditorImage(file, ip, DisplayRange.stretched(ip, DisplayImages.SATURATED), ip.getMin(),
                    ip.getMax(), ImagePreview.describe(file, image));
        } finally {
            image.close();
        }
    }

    public boolean rgb() {
        return pixels instanceof ColorProcessor;
    }

    public int width() {
        return pixels.getWidth();
    }

    public int height() {
        return pixels.getHeight();
    }

    /** For display, grey values from {@code low} (black) to {@code high} (white); RGB as it is. */
    public ImageData render(double low, double high) {
        return rgb() ? DisplayImages.toImageData(new ImagePlus("", pixels)) : DisplayImages.grey(pixels, low, high);
    }
}
