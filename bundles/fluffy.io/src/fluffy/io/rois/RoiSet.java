package fluffy.io.rois;

import java.nio.file.Path;
import java.util.List;

import ij.gui.Roi;

/**
 * The ROIs of a Fiji ROI Manager export, in zip order, and the entries that could not be used.
 *
 * @param rois    every decoded ROI (areas, lines and points alike), in the order of the zip
 * @param skipped entries that were not decoded: unsafe names, oversized or damaged entries
 */
public record RoiSet(Path source, List<Entry> rois, List<Skipped> skipped) {

    /** One decoded ROI and the zip entry it came from; {@code index} counts from 0 in zip order. */
    public record Entry(int index, String name, Roi roi) {
    }

    public RoiSet {
        rois = List.copyOf(rois);
        skipped = List.copyOf(skipped);
    }
}
