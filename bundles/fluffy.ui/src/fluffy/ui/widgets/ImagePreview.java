package fluffy.ui.widgets;

import java.nio.file.Path;

import org.eclipse.swt.graphics.ImageData;

import ij.IJ;
import ij.ImagePlus;

/**
 * An image read for display: the first plane as SWT image data, and a one-line description.
 * Reading is slow for large files, so views call {@link #read} off the UI thread.
 */
public record ImagePreview(Path file, ImageData data, String description) {

    /**
     * @throws IllegalArgumentException naming the file when ImageJ cannot open it
     */
    public static ImagePreview read(Path file) {
        ImagePlus image = IJ.openImage(file.toString());
        if (image == null) {
            throw new IllegalArgumentException("Cannot open " + file + ": not an image ImageJ can read");
        }
        try {
            return new ImagePreview(file, DisplayImages.toImageData(image), describe(file, image));
        } finally {
            image.close();
        }
    }

    /**
     * e.g. {@code cells.tif   512 × 512, 16-bit, 5 planes (showing the first)}, or for a hyperstack of channels
     * {@code ..., 2 channels (composite)} when they are shown together.
     */
    public static String describe(Path file, ImagePlus image) {
        return describe(file, image, false);
    }

    /** @param composite whether the image's channels are shown together */
    public static String describe(Path file, ImagePlus image, boolean composite) {
        String type = image.getBitDepth() == 24 ? "RGB" : image.getBitDepth() + "-bit";
        int planes = image.getStackSize();
        int channels = image.getNChannels();
        String shown = composite && channels > 1
                ? ", " + channels + " channels (composite)" + (planes > channels ? ", " + planes / channels
                        + " planes each (showing the first)" : "")
                : planes > 1 ? ", " + planes + " planes (showing the first)" : "";
        return String.format("%s   %d × %d, %s%s", file.getFileName(), image.getWidth(), image.getHeight(), type, shown);
    }
}
