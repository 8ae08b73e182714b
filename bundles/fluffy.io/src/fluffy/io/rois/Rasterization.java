package fluffy.io.rois;

import java.util.List;

import fluffy.core.labels.LabelMap;

/**
 * A ROI set turned into a label map.
 *
 * @param areaRois      area ROIs found (everything but lines and points)
 * @param objects       objects in the label map: area ROIs less duplicates, ROIs outside the image and
 *                      ROIs hidden by smaller ones
 * @param overlapPixels pixels claimed by more than one ROI, resolved by {@link ObjectPainter}'s policy
 * @param clipped       ROIs that reach beyond the image and were cut at its border
 * @param skipped       everything left out, with the reason: lines and points, duplicates, ROIs outside
 *                      the image or far too large, entries that could not be decoded
 */
public record Rasterization(LabelMap labels, int areaRois, int objects, long overlapPixels, int clipped,
        List<Skipped> skipped) {

    public Rasterization {
        skipped = List.copyOf(skipped);
    }

    /** One line, e.g. {@code 59 area ROIs -> 58 objects, 1 duplicate(s) dropped, 120 overlapping pixel(s)}. */
    public String summary() {
        return summary("area ROI");
    }

    /** @param unit what the inputs are called, e.g. {@code mask object} */
    public String summary(String unit) {
        long duplicates = skipped.stream().filter(s -> s.reason().startsWith("duplicate")).count();
        return areaRois + " " + unit + (areaRois == 1 ? "" : "s") + " -> " + objects + " object"
                + (objects == 1 ? "" : "s") + (duplicates > 0 ? ", " + duplicates + " duplicate(s) dropped" : "")
                + ", " + overlapPixels + " overlapping pixel(s)" + (clipped > 0 ? ", " + clipped + " clipped at the border" : "");
    }
}
