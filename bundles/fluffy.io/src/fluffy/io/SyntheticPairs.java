package fluffy.io;

import java.io.IOException;
import java.nio.file.Path;

import fluffy.core.files.AtomicFiles;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.io.rois.LabelMapFiles;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

/**
 * Writes a generated sample as a training pair on disk: the image as a 16-bit TIFF (counts rounded and
 * capped at 65,535) and its label map as a uint16 TIFF, both atomically. For the demo workspace and for
 * tests that need real files.
 */
public final class SyntheticPairs {

    private SyntheticPairs() {
    }

    public static void write(SyntheticNuclei.Sample sample, Path image, Path mask) throws IOException {
        write(java.util.List.of(sample.image()), sample.labels(), image, mask);
    }

    /** An image of several channels (an ImageJ hyperstack of C channels) with its label map. */
    public static void write(java.util.List<Plane> channels, LabelMap labels, Path image, Path mask) throws IOException {
        int width = channels.get(0).width();
        int height = channels.get(0).height();
        ImageStack stack = new ImageStack(width, height);
        for (Plane channel : channels) {
            float[] data = channel.data();
            short[] pixels = new short[data.length];
            for (int p = 0; p < data.length; p++) {
                pixels[p] = (short) Math.min(65_535, Math.round(data[p]));
            }
            stack.addSlice(new ShortProcessor(width, height, pixels, null));
        }
        ImagePlus imp = new ImagePlus(image.getFileName().toString(), stack);
        if (channels.size() > 1) {
            imp.setDimensions(channels.size(), 1, 1);
            imp.setOpenAsHyperStack(true);
        }
        AtomicFiles.write(image, tmp -> fluffy.io.internal.imagej.ImageJTiffs.save(imp, tmp, image, "image"));
        LabelMapFiles.writeTiff(labels, mask);
    }
}
