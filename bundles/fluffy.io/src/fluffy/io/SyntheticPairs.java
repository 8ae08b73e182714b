package fluffy.io;

import java.io.IOException;
import java.nio.file.Path;

import fluffy.core.files.AtomicFiles;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.io.rois.LabelMapFiles;
import ij.ImagePlus;
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
        int width = sample.image().width();
        int height = sample.image().height();
        float[] data = sample.image().data();
        short[] pixels = new short[data.length];
        for (int p = 0; p < data.length; p++) {
            pixels[p] = (short) Math.min(65_535, Math.round(data[p]));
        }
        ImagePlus imp = new ImagePlus(image.getFileName().toString(), new ShortProcessor(width, height, pixels, null));
        AtomicFiles.write(image, tmp -> fluffy.io.internal.imagej.ImageJTiffs.save(imp, tmp, image, "image"));
        LabelMapFiles.writeTiff(sample.labels(), mask);
    }
}
