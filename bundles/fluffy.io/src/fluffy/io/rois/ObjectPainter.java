package fluffy.io.rois;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import fluffy.core.labels.LabelMap;

/**
 * Merges objects, each given as the set of pixels it covers, into one label map by a fixed overlap
 * policy: <b>the smaller object wins</b> a pixel claimed by several, and among objects of equal size the
 * one that comes first. So a small nucleus drawn over a large one keeps its shape, the result does not
 * depend on the order of overlapping objects of different size, and an object is lost only when smaller
 * ones cover it completely (which is reported). Labels are numbered 1..n in the order the objects are
 * given (zip order for ROI sets), counting only objects that keep at least one pixel.
 */
public final class ObjectPainter {

    /** One object: where it came from and the row-major indices of its pixels (inside the image). */
    public record Candidate(String source, int[] pixels) {
    }

    /**
     * @param overlapPixels pixels claimed by more than one object (each counted once)
     * @param hidden        objects that lost every pixel to smaller ones
     */
    public record Result(LabelMap labels, int objects, long overlapPixels, List<Skipped> hidden) {
    }

    private ObjectPainter() {
    }

    public static Result paint(int width, int height, List<Candidate> candidates) {
        int n = candidates.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> candidates.get(i).pixels().length)
                .thenComparingInt(i -> i));
        int[] owner = new int[width * height];
        boolean[] contested = new boolean[owner.length];
        int[] painted = new int[n];
        for (int i : order) {
            for (int p : candidates.get(i).pixels()) {
                if (owner[p] == 0) {
                    owner[p] = i + 1;
                    painted[i]++;
                } else {
                    contested[p] = true;
                }
            }
        }
        int[] label = new int[n + 1];
        int next = 0;
        List<Skipped> hidden = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (painted[i] > 0) {
                label[i + 1] = ++next;
            } else {
                hidden.add(new Skipped(candidates.get(i).source(), "covered completely by smaller objects; not in the label map"));
            }
        }
        int[] labels = new int[owner.length];
        long overlap = 0;
        for (int p = 0; p < owner.length; p++) {
            labels[p] = label[owner[p]];
            if (contested[p]) {
                overlap++;
            }
        }
        return new Result(new LabelMap(width, height, labels), next, overlap, hidden);
    }
}
