package fluffy.io.rois;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.gui.Roi;
import ij.process.ImageProcessor;

/**
 * Turns the area ROIs of a {@link RoiSet} into a label map of a given size, one object per ROI, with
 * ImageJ's own pixel rule ({@code Roi.getMask()}, as Fiji's "Create Mask" uses). ROIs are clipped at the
 * image border; lines and points are skipped, as are exact duplicates of an earlier ROI. Overlaps are
 * resolved by {@link ObjectPainter}: the smaller object wins.
 */
public final class RoiRasterizer {

    /** ROIs whose bounding box exceeds this many pixels (and 16 times the image) are refused. */
    static final long MAX_ROI_PIXELS = 1L << 28;

    private RoiRasterizer() {
    }

    /** One ROI's pixels inside a width x height image, row-major; empty when it covers none. */
    public static int[] pixels(Roi roi, int width, int height) {
        Rectangle b = roi.getBounds();
        Rectangle inside = b.intersection(new Rectangle(0, 0, width, height));
        if (inside.isEmpty()) {
            return new int[0];
        }
        ImageProcessor mask = roi.getMask();
        int[] out = new int[inside.width * inside.height];
        int n = 0;
        for (int y = inside.y; y < inside.y + inside.height; y++) {
            for (int x = inside.x; x < inside.x + inside.width; x++) {
                if (mask == null || mask.get(x - b.x, y - b.y) != 0) {
                    out[n++] = y * width + x;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * @throws IOException when no area ROI falls inside the image: the ROI set is empty or was drawn on
     *                     an image of another size
     */
    public static Rasterization rasterize(RoiSet set, int width, int height) throws IOException {
        List<Skipped> skipped = new ArrayList<>(set.skipped());
        List<ObjectPainter.Candidate> candidates = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int areas = 0;
        int clipped = 0;
        int outside = 0;
        for (RoiSet.Entry entry : set.rois()) {
            Roi roi = entry.roi();
            if (!roi.isArea()) {
                skipped.add(new Skipped(entry.name(), roi.getTypeAsString().toLowerCase() + " ROI is not an area; skipped"));
                continue;
            }
            areas++;
            Rectangle b = roi.getBounds();
            if ((long) b.width * b.height > Math.max(MAX_ROI_PIXELS, 16L * width * height)) {
                skipped.add(new Skipped(entry.name(), "ROI of " + b.width + " x " + b.height
                        + " pixels is far larger than the " + width + " x " + height + " image; skipped"));
                continue;
            }
            int[] pixels = pixels(roi, width, height);
            if (pixels.length == 0) {
                outside++;
                skipped.add(new Skipped(entry.name(), "lies outside the " + width + " x " + height + " image; skipped"));
                continue;
            }
            if (!new Rectangle(0, 0, width, height).contains(b)) {
                clipped++;
            }
            String key = Arrays.hashCode(pixels) + ":" + pixels.length;
            String earlier = seen.putIfAbsent(key, entry.name());
            if (earlier != null && Arrays.equals(pixels, findPixels(candidates, earlier))) {
                skipped.add(new Skipped(entry.name(), "duplicate of " + earlier + " (same pixels); skipped"));
                continue;
            }
            candidates.add(new ObjectPainter.Candidate(entry.name(), pixels));
        }
        if (areas == 0) {
            throw new IOException(set.source().getFileName() + ": holds no area ROI"
                    + (set.rois().isEmpty() ? "" : " (only lines or points)") + "; nothing to make a label map from");
        }
        if (candidates.isEmpty() && outside > 0) {
            throw new IOException(set.source().getFileName() + ": none of its " + areas + " area ROIs lies inside the "
                    + width + " x " + height + " image; was it drawn on another image?");
        }
        ObjectPainter.Result painted = ObjectPainter.paint(width, height, candidates);
        skipped.addAll(painted.hidden());
        return new Rasterization(painted.labels(), areas, painted.objects(), painted.overlapPixels(), clipped, skipped);
    }

    private static int[] findPixels(List<ObjectPainter.Candidate> candidates, String source) {
        return candidates.stream().filter(c -> c.source().equals(source)).findFirst().map(ObjectPainter.Candidate::pixels)
                .orElse(new int[0]);
    }
}
