package fluffy.io.rois;

import java.io.IOException;
import java.nio.file.Path;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.core.files.AtomicFiles;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;

/**
 * Label maps on disk: uint16 TIFF (what Fluffy's {@code Processed/masks/} holds), and binary PNG masks as
 * Fiji's macro wrote them. Writes are atomic. More than 65,535 objects do not fit uint16 and are refused,
 * because ImageJ cannot write the uint32 TIFF that would hold them.
 */
public final class LabelMapFiles {

    /** The most objects a uint16 label map holds. */
    public static final int MAX_UINT16_LABEL = 65_535;

    private LabelMapFiles() {
    }

    /** Writes a uint16 TIFF label map. */
    public static void writeTiff(LabelMap map, Path target) throws IOException {
        int max = map.maxLabel();
        if (max > MAX_UINT16_LABEL) {
            throw new IOException(target.getFileName() + ": label " + max + " does not fit a uint16 label map (at most "
                    + MAX_UINT16_LABEL + " objects); split the image into smaller ones");
        }
        short[] pixels = new short[map.labels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) map.labels()[i];
        }
        ImagePlus image = new ImagePlus(target.getFileName().toString(),
                new ShortProcessor(map.width(), map.height(), pixels, null));
        AtomicFiles.write(target, tmp -> fluffy.io.internal.imagej.ImageJTiffs.save(image, tmp, target, "label map"));
    }

    /** Writes a binary 8-bit PNG, 255 where {@code pixels} (row-major indices) are, 0 elsewhere. */
    public static void writeMaskPng(int width, int height, int[] pixels, Path target) throws IOException {
        byte[] mask = new byte[width * height];
        for (int p : pixels) {
            mask[p] = (byte) 255;
        }
        ImagePlus image = new ImagePlus(target.getFileName().toString(), new ByteProcessor(width, height, mask));
        AtomicFiles.write(target, tmp -> {
            if (!new FileSaver(image).saveAsPng(tmp.toString())) {
                throw new IOException(target + ": ImageJ could not write the mask");
            }
        });
    }

    /**
     * Writes one binary {@code mask_<k>.png} per object k of the label map into {@code folder}, as Fiji's
     * macro did for the original Fluffy. The masks are cut from the label map, so they never overlap.
     *
     * @return how many masks were written
     */
    public static int writeObjectMasks(LabelMap map, Path folder) throws IOException {
        int[] labels = map.labels();
        int[] counts = new int[map.maxLabel() + 1];
        for (int l : labels) {
            counts[l]++;
        }
        int[][] pixels = new int[counts.length][];
        for (int k = 1; k < counts.length; k++) {
            pixels[k] = new int[counts[k]];
        }
        int[] filled = new int[counts.length];
        for (int p = 0; p < labels.length; p++) {
            int l = labels[p];
            if (l > 0) {
                pixels[l][filled[l]++] = p;
            }
        }
        int written = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > 0) {
                writeMaskPng(map.width(), map.height(), pixels[k], folder.resolve("mask_" + k + ".png"));
                written++;
            }
        }
        return written;
    }

    /**
     * Reads the first plane of an image file as labels: every sample must be a whole number from 0 to
     * 2^24 (a float holds those exactly).
     */
    public static LabelMap read(Path file) throws IOException {
        try (ImageSource source = ImageFormats.platform().open(file)) {
            ImageInfo info = source.info(0);
            if (info.rgb() || info.planeCount() != 1) {
                throw new IOException(file.getFileName() + ": a label map must be a single grey plane, this is "
                        + info.describe());
            }
            return toLabels(file, source.readPlane(0, 0, 0, 0));
        }
    }

    static LabelMap toLabels(Path file, Plane plane) throws IOException {
        float[] data = plane.data();
        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            if (v < 0 || v != Math.rint(v) || v > (1 << 24)) {
                throw new IOException(file.getFileName() + ": value " + v + " at x=" + (i % plane.width()) + ", y="
                        + (i / plane.width()) + " is not a label (whole numbers from 0 only)");
            }
            labels[i] = (int) v;
        }
        return new LabelMap(plane.width(), plane.height(), labels);
    }
}
