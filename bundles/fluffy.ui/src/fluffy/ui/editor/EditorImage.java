package fluffy.ui.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

import fluffy.ui.widgets.DisplayImages;
import fluffy.ui.widgets.DisplayRange;
import fluffy.ui.widgets.ImagePreview;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * The image being annotated: the first plane of each of its channels kept as ImageJ pixels so the contrast
 * can be changed without reading the file again, each with its automatic range (as ImageJ's "Auto") and
 * its full data range. One channel shows in grey; several show as a composite, each channel in its colour
 * (ImageJ's order: red, green, blue, grey, cyan, magenta, yellow) within its own contrast range.
 */
public record EditorImage(Path file, List<Channel> channels, String description) {

    /** One channel's first plane and its ranges. */
    public record Channel(ImageProcessor pixels, double[] auto, double min, double max) {

        static Channel of(ImageProcessor ip) {
            ip.resetMinAndMax();
            return new Channel(ip, DisplayRange.stretched(ip, DisplayImages.SATURATED), ip.getMin(), ip.getMax());
        }
    }

    /** Composite colours as ImageJ gives channels 1..7, as RGB multipliers. */
    static final int[][] COLOURS = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
    static final String[] COLOUR_NAMES = {"red", "green", "blue", "grey", "cyan", "magenta", "yellow"};

    public EditorImage {
        channels = List.copyOf(channels);
    }

    /**
     * Reads the first plane of every channel; slow for large files, so called off the UI thread.
     *
     * @throws IllegalArgumentException naming the file when ImageJ cannot open it
     */
    public static EditorImage read(Path file) {
        ImagePlus image = IJ.openImage(file.toString());
        if (image == null) {
            throw new IllegalArgumentException("Cannot open " + file + ": not an image ImageJ can read");
        }
        try {
            List<Channel> channels = new ArrayList<>();
            int count = image.getProcessor() instanceof ColorProcessor ? 1 : image.getNChannels();
            for (int c = 1; c <= count; c++) {
                ImageProcessor ip = count == 1 ? image.getProcessor()
                        : image.getStack().getProcessor(image.getStackIndex(c, 1, 1));
                channels.add(Channel.of(ip));
            }
            return new EditorImage(file, channels, ImagePreview.describe(file, image, channels.size() > 1));
        } finally {
            image.close();
        }
    }

    /** The first channel's pixels: what the ROIs are drawn over and measured on. */
    public ImageProcessor pixels() {
        return channels.get(0).pixels();
    }

    public boolean rgb() {
        return pixels() instanceof ColorProcessor;
    }

    public int width() {
        return pixels().getWidth();
    }

    public int height() {
        return pixels().getHeight();
    }

    /**
     * The planes a model takes, as prediction reads a file: the selected channels in order, or one grey
     * plane (RGB averaged, else the first channel).
     *
     * @throws IllegalArgumentException when a selected channel is not in the image
     */
    public List<fluffy.core.image.Plane> planes(fluffy.core.image.ChannelSelection selection) {
        int w = width();
        int h = height();
        List<fluffy.core.image.Plane> planes = new ArrayList<>();
        if (selection.isDefault()) {
            if (pixels() instanceof ColorProcessor rgb) {
                float[] grey = new float[w * h];
                int[] p = (int[]) rgb.getPixels();
                for (int i = 0; i < grey.length; i++) {
                    grey[i] = ((p[i] >> 16 & 0xff) + (p[i] >> 8 & 0xff) + (p[i] & 0xff)) / 3f;
                }
                planes.add(new fluffy.core.image.Plane(w, h, grey));
            } else {
                planes.add(floats(pixels()));
            }
            return planes;
        }
        for (int c : selection.channels()) {
            if (c >= channels.size()) {
                throw new IllegalArgumentException(file.getFileName() + ": the model takes channel " + (c + 1)
                        + ", the image has " + channels.size());
            }
            planes.add(floats(channels.get(c).pixels()));
        }
        return planes;
    }

    private static fluffy.core.image.Plane floats(ImageProcessor ip) {
        return new fluffy.core.image.Plane(ip.getWidth(), ip.getHeight(),
                (float[]) ip.convertToFloatProcessor().getPixels());
    }

    /** The automatic ranges, one {low, high} per channel. */
    public double[][] autoRanges() {
        return channels.stream().map(c -> c.auto().clone()).toArray(double[][]::new);
    }

    /**
     * For display: one channel in grey from its {@code low} (black) to its {@code high} (white), several as a
     * composite, each within its own range; RGB as it is.
     *
     * @param ranges one {low, high} per channel
     */
    public ImageData render(double[][] ranges) {
        if (rgb()) {
            return DisplayImages.toImageData(new ImagePlus("", pixels()));
        }
        if (channels.size() == 1) {
            return DisplayImages.grey(pixels(), ranges[0][0], ranges[0][1]);
        }
        int w = width();
        int h = height();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        double[] sum = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sum[0] = sum[1] = sum[2] = 0;
                for (int c = 0; c < channels.size(); c++) {
                    double low = ranges[c][0];
                    double high = ranges[c][1] > low ? ranges[c][1] : low + 1e-6;
                    double v = (channels.get(c).pixels().getf(x, y) - low) / (high - low);
                    v = v <= 0 ? 0 : v >= 1 ? 1 : v;
                    int[] colour = COLOURS[c % COLOURS.length];
                    for (int k = 0; k < 3; k++) {
                        sum[k] += v * colour[k];
                    }
                }
                row[x] = (byte8(sum[0]) << 16) | (byte8(sum[1]) << 8) | byte8(sum[2]);
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }

    private static int byte8(double v) {
        return v >= 1 ? 255 : (int) Math.round(v * 255);
    }
}
