package fluffy.io.rois;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fluffy.core.labels.LabelMap;
import fluffy.core.files.AtomicFiles;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;

/**
 * The reverse of {@link RoiRasterizer}: one traced ROI per object of a label map, written as a
 * {@code RoiSet.zip} that Fiji's ROI Manager opens, so predictions can be corrected in Fiji. Outlines
 * follow pixel edges exactly (ImageJ's threshold-to-selection), so an object with holes or several
 * parts becomes a composite ROI and rasterising the set gives back the same label map.
 */
public final class LabelMapRois {

    private LabelMapRois() {
    }

    /** Writes the ROI set atomically and returns how many ROIs it holds (one per label present). */
    public static int write(LabelMap map, Path target) throws IOException {
        int[] written = {0};
        AtomicFiles.write(target, tmp -> {
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
                written[0] = add(zip, map, 0, 0);
            }
        });
        return written[0];
    }

    /**
     * Adds one ROI per object to an open ROI set zip. With a hyperstack position ({@code z}, {@code t} from
     * 1) the ROIs carry it and their names start with it, so the frames of a stack do not clash; with 0 and
     * 0 they have no position.
     *
     * @return how many ROIs were added
     */
    public static int add(ZipOutputStream zip, LabelMap map, int z, int t) throws IOException {
        return add(zip, map, z, t, 0, 0, 0);
    }

    /**
     * The same for a part of a larger image: {@code map} lies at ({@code dx}, {@code dy}) in it and its label k
     * is the image's {@code k + labelOffset} (ROIs are placed and named as in the image).
     */
    public static int add(ZipOutputStream zip, LabelMap map, int z, int t, int dx, int dy, int labelOffset)
            throws IOException {
        List<Roi> rois = rois(map, z, t, dx, dy, labelOffset);
        for (Roi roi : rois) {
            zip.putNextEntry(new ZipEntry(roi.getName() + ".roi"));
            zip.write(RoiEncoder.saveAsByteArray(roi));
            zip.closeEntry();
        }
        return rois.size();
    }

    /**
     * One named ROI per object, in label order (with a hyperstack position as {@link #add} gives it): how a
     * label map made elsewhere becomes ROIs to edit.
     */
    public static List<Roi> rois(LabelMap map, int z, int t) {
        return rois(map, z, t, 0, 0, 0);
    }

    private static List<Roi> rois(LabelMap map, int z, int t, int dx, int dy, int labelOffset) {
        int[][] boxes = boundingBoxes(map);
        List<Roi> rois = new java.util.ArrayList<>();
        for (int label = 1; label < boxes.length; label++) {
            if (boxes[label] != null) {
                Roi roi = outline(map, label, boxes[label]);
                roi.setLocation(roi.getXBase() + dx, roi.getYBase() + dy);
                int cx = (int) Math.round(roi.getBounds().getCenterX());
                int cy = (int) Math.round(roi.getBounds().getCenterY());
                String name = String.format("%05d-%04d-%04d", label + labelOffset, cy, cx);
                if (z > 0 && t > 0) {
                    roi.setPosition(0, z, t);
                    name = String.format("z%03d-t%04d-", z, t) + name;
                }
                roi.setName(name);
                rois.add(roi);
            }
        }
        return rois;
    }

    /** Per label: {minX, minY, maxX, maxY}, or null when the label does not occur. */
    private static int[][] boundingBoxes(LabelMap map) {
        int[][] boxes = new int[map.maxLabel() + 1][];
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                int l = map.get(x, y);
                if (l > 0) {
                    int[] b = boxes[l];
                    if (b == null) {
                        boxes[l] = new int[] {x, y, x, y};
                    } else {
                        b[0] = Math.min(b[0], x);
                        b[1] = Math.min(b[1], y);
                        b[2] = Math.max(b[2], x);
                        b[3] = Math.max(b[3], y);
                    }
                }
            }
        }
        return boxes;
    }

    private static Roi outline(LabelMap map, int label, int[] box) {
        int w = box[2] - box[0] + 1;
        int h = box[3] - box[1] + 1;
        ByteProcessor mask = new ByteProcessor(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (map.get(box[0] + x, box[1] + y) == label) {
                    mask.set(x, y, 255);
                }
            }
        }
        mask.setThreshold(255, 255, ByteProcessor.NO_LUT_UPDATE);
        Roi roi = new ThresholdToSelection().convert(mask);
        roi.setLocation(roi.getXBase() + box[0], roi.getYBase() + box[1]);
        return roi;
    }
}
