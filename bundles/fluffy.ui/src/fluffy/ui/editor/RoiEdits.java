package fluffy.ui.editor;

import java.util.ArrayList;
import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.Components;
import fluffy.core.morphology.LabelCleanup;
import fluffy.io.rois.LabelMapRois;
import fluffy.io.rois.RoiRasterizer;
import ij.gui.Roi;
import ij.process.FloatPolygon;

/**
 * Pixel edits of objects, as a label-map editor makes them: a ROI becomes its pixels (ImageJ's own pixel
 * rule, the one label maps are built with), the pixels are changed, and the result is traced back into
 * ROIs along pixel edges. Brush strokes add discs along the dragged path, the eraser removes them, a split
 * cuts along a drawn line and gives the cut pixels back to the nearest part (so the parts together are
 * exactly the object), merge joins two objects, fill holes closes holes.
 */
final class RoiEdits {

    private final int width;
    private final int height;

    RoiEdits(int width, int height) {
        this.width = width;
        this.height = height;
    }

    boolean[] mask(Roi roi) {
        boolean[] m = new boolean[width * height];
        if (roi != null) {
            for (int i : RoiRasterizer.pixels(roi, width, height)) {
                m[i] = true;
            }
        }
        return m;
    }

    /** The object plus discs of {@code radius} along the stroke: one object, even where they do not touch. */
    Roi brush(Roi target, FloatPolygon stroke, double radius) {
        boolean[] m = mask(target);
        paint(m, stroke, radius, true);
        return whole(m);
    }

    /** The object minus discs along the stroke, as its remaining parts (none: it was erased). */
    List<Roi> erase(Roi target, FloatPolygon stroke, double radius) {
        boolean[] m = mask(target);
        paint(m, stroke, radius, false);
        return parts(m);
    }

    /**
     * The object cut along the stroke: its parts (two or more), with the cut's pixels given to the nearest
     * part, or an empty list when the line does not cut it in two.
     */
    List<Roi> split(Roi target, FloatPolygon stroke) {
        boolean[] original = mask(target);
        boolean[] cut = original.clone();
        paint(cut, stroke, 1, false);
        LabelMap parts = Components.label(cut, width, height);
        if (parts.maxLabel() < 2) {
            return List.of();
        }
        // The cut pixels join the part they touch first, growing all parts at once: nothing is lost.
        int[] l = parts.labels();
        int[] queue = new int[l.length]; // each pixel enters once
        int tail = 0;
        for (int i = 0; i < l.length; i++) {
            if (l[i] != 0) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int x = i % width;
            int[] next = {x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width};
            for (int j : next) {
                if (j >= 0 && j < l.length && l[j] == 0 && original[j]) {
                    l[j] = l[i];
                    queue[tail++] = j;
                }
            }
        }
        return unnamed(LabelMapRois.rois(parts, 0, 0));
    }

    /** Both objects as one. */
    Roi merge(Roi a, Roi b) {
        boolean[] m = mask(a);
        boolean[] other = mask(b);
        for (int i = 0; i < m.length; i++) {
            m[i] |= other[i];
        }
        return whole(m);
    }

    /** The object with its holes filled. */
    Roi fillHoles(Roi target) {
        LabelMap map = labelOne(mask(target));
        LabelCleanup.fillHoles(map);
        int[] l = map.labels();
        boolean[] m = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            m[i] = l[i] != 0;
        }
        return whole(m);
    }

    /** Number of pixels of a ROI: what the tests and the status line count. */
    int area(Roi roi) {
        return RoiRasterizer.pixels(roi, width, height).length;
    }

    /** Sets discs of {@code radius} around the stroke's points and along its segments (every half pixel). */
    void paint(boolean[] m, FloatPolygon stroke, double radius, boolean value) {
        for (int k = 0; k < stroke.npoints; k++) {
            double x0 = stroke.xpoints[Math.max(0, k - 1)];
            double y0 = stroke.ypoints[Math.max(0, k - 1)];
            double x1 = stroke.xpoints[k];
            double y1 = stroke.ypoints[k];
            int steps = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2));
            for (int s = 0; s <= steps; s++) {
                disc(m, x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps, radius, value);
            }
        }
    }

    /** Pixels whose centres lie within {@code radius} of (cx, cy) (the pixel under the point at least). */
    private void disc(boolean[] m, double cx, double cy, double radius, boolean value) {
        int r = (int) Math.ceil(radius);
        int px = (int) Math.floor(cx);
        int py = (int) Math.floor(cy);
        for (int y = py - r; y <= py + r; y++) {
            for (int x = px - r; x <= px + r; x++) {
                if (x < 0 || y < 0 || x >= width || y >= height) {
                    continue;
                }
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                if (dx * dx + dy * dy <= radius * radius || (x == px && y == py)) {
                    m[y * width + x] = value;
                }
            }
        }
    }

    private LabelMap labelOne(boolean[] m) {
        int[] l = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            l[i] = m[i] ? 1 : 0;
        }
        return new LabelMap(width, height, l);
    }

    /** All set pixels as one ROI, or null when none is set. */
    Roi whole(boolean[] m) {
        List<Roi> rois = LabelMapRois.rois(labelOne(m), 0, 0);
        return rois.isEmpty() ? null : unnamed(rois).get(0);
    }

    /** A ROI per connected part. */
    private List<Roi> parts(boolean[] m) {
        return unnamed(LabelMapRois.rois(Components.label(m, width, height), 0, 0));
    }

    /** The label-map names mean nothing for drawn objects: Fiji names them anew. */
    private static List<Roi> unnamed(List<Roi> rois) {
        List<Roi> out = new ArrayList<>(rois);
        out.forEach(r -> r.setName(null));
        return out;
    }
}
