package fluffy.core.morphology;

import java.util.BitSet;

import fluffy.core.labels.LabelMap;

/**
 * Clean-up of predicted label maps, in place: small objects removed, holes filled, labels renumbered.
 * Memory beyond the map is a bit per pixel and the flood-fill frontier, so it works on very large images.
 */
public final class LabelCleanup {

    private LabelCleanup() {
    }

    /** Sets objects of fewer than {@code minArea} pixels to background; returns how many were removed. */
    public static int removeSmall(LabelMap map, int minArea) {
        int[] l = map.labels();
        int[] area = new int[map.maxLabel() + 1];
        for (int v : l) {
            area[v]++;
        }
        int removed = 0;
        for (int k = 1; k < area.length; k++) {
            if (area[k] > 0 && area[k] < minArea) {
                removed++;
            }
        }
        for (int i = 0; i < l.length; i++) {
            if (area[l[i]] < minArea) {
                l[i] = 0;
            }
        }
        return removed;
    }

    /**
     * Fills every background region that does not reach the image edge and touches exactly one object
     * (4-connected) with that object's label. Gaps enclosed by several touching objects stay background.
     */
    public static void fillHoles(LabelMap map) {
        int[] l = map.labels();
        int w = map.width();
        int h = map.height();
        BitSet seen = new BitSet(l.length);
        IntStack stack = new IntStack();
        for (int x = 0; x < w; x++) {
            reach(l, w, x, seen, stack, null);
            reach(l, w, (h - 1) * w + x, seen, stack, null);
        }
        for (int y = 0; y < h; y++) {
            reach(l, w, y * w, seen, stack, null);
            reach(l, w, y * w + w - 1, seen, stack, null);
        }
        IntStack region = new IntStack();
        for (int i = 0; i < l.length; i++) {
            if (l[i] == 0 && !seen.get(i)) {
                region.clear();
                int[] bordering = {0};
                reach(l, w, i, seen, stack, (pixel, label) -> {
                    if (pixel >= 0) {
                        region.push(pixel);
                    } else if (bordering[0] == 0) {
                        bordering[0] = label;
                    } else if (bordering[0] != label) {
                        bordering[0] = -1;
                    }
                });
                if (bordering[0] > 0) {
                    for (int k = 0; k < region.size(); k++) {
                        l[region.get(k)] = bordering[0];
                    }
                }
            }
        }
    }

    /** Told of each background pixel reached (label 0) and of each object label met (pixel -1). */
    private interface Visitor {
        void visit(int pixel, int label);
    }

    /** Flood fill of the background from {@code start}, marking {@code seen}. */
    private static void reach(int[] l, int w, int start, BitSet seen, IntStack stack, Visitor visitor) {
        if (l[start] != 0 || seen.get(start)) {
            return;
        }
        seen.set(start);
        stack.push(start);
        while (!stack.isEmpty()) {
            int i = stack.pop();
            if (visitor != null) {
                visitor.visit(i, 0);
            }
            int x = i % w;
            int[] neighbours = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i >= w ? i - w : -1,
                    i + w < l.length ? i + w : -1};
            for (int j : neighbours) {
                if (j < 0) {
                    continue;
                }
                if (l[j] != 0) {
                    if (visitor != null) {
                        visitor.visit(-1, l[j]);
                    }
                } else if (!seen.get(j)) {
                    seen.set(j);
                    stack.push(j);
                }
            }
        }
    }

    /** Renumbers labels 1..n in order of first appearance, in place; returns n. */
    public static int renumber(LabelMap map) {
        int[] l = map.labels();
        int[] to = new int[map.maxLabel() + 1];
        int next = 0;
        for (int i = 0; i < l.length; i++) {
            int v = l[i];
            if (v != 0) {
                if (to[v] == 0) {
                    to[v] = ++next;
                }
                l[i] = to[v];
            }
        }
        return next;
    }
}
