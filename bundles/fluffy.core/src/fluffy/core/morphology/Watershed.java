package fluffy.core.morphology;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

import fluffy.core.labels.LabelMap;

/**
 * Seeded watershed by flooding with a bucket queue (Meyer's algorithm on integer levels). Seeds grow
 * into the allowed pixels, lowest level first, so neighbouring seeds meet along the highest levels (for
 * 1 − object probability: along the dark valleys between nuclei). A pixel takes the label of the first
 * labelled neighbour that reaches it. Memory is one int per queued pixel with nothing per pixel beyond
 * the label map, which is labelled in place: what a 8192 x 8192 image needs.
 */
public final class Watershed {

    private Watershed() {
    }

    /**
     * @param labels  seeds (non-zero) on entry; grown labels on return
     * @param allowed which pixels may be flooded
     * @param level   each pixel's level, from 0 to {@code levels - 1}
     */
    public static void flood(LabelMap labels, IntPredicate allowed, IntUnaryOperator level, int levels) {
        int[] l = labels.labels();
        int w = labels.width();
        IntStack[] queues = new IntStack[levels];
        // The seeds' edge pixels are all queued before any grows: pixels take their label when offered, so
        // growing while scanning would let each seed run ahead along the scan order, whatever the levels.
        IntStack edges = new IntStack();
        for (int i = 0; i < l.length; i++) {
            if (l[i] != 0 && growsInto(l, w, i, allowed)) {
                edges.push(i);
            }
        }
        queues[0] = edges;
        for (int current = 0; current < levels; current++) {
            IntStack queue = queues[current];
            while (queue != null && !queue.isEmpty()) {
                offerNeighbours(l, w, queue.poll(), allowed, level, current, queues);
            }
            queues[current] = null; // drained for good: later pixels join at the current level or above
        }
    }

    /** Whether pixel {@code i} has an unlabelled neighbour it may flood. */
    private static boolean growsInto(int[] l, int w, int i, IntPredicate allowed) {
        int x = i % w;
        return x > 0 && l[i - 1] == 0 && allowed.test(i - 1)
                || x < w - 1 && l[i + 1] == 0 && allowed.test(i + 1)
                || i >= w && l[i - w] == 0 && allowed.test(i - w)
                || i + w < l.length && l[i + w] == 0 && allowed.test(i + w);
    }

    private static void offerNeighbours(int[] l, int w, int i, IntPredicate allowed, IntUnaryOperator level,
            int current, IntStack[] queues) {
        int x = i % w;
        if (x > 0) {
            offer(l, i, i - 1, allowed, level, current, queues);
        }
        if (x < w - 1) {
            offer(l, i, i + 1, allowed, level, current, queues);
        }
        if (i >= w) {
            offer(l, i, i - w, allowed, level, current, queues);
        }
        if (i + w < l.length) {
            offer(l, i, i + w, allowed, level, current, queues);
        }
    }

    private static void offer(int[] l, int from, int j, IntPredicate allowed, IntUnaryOperator level, int current,
            IntStack[] queues) {
        if (l[j] != 0 || !allowed.test(j)) {
            return;
        }
        l[j] = l[from];
        int bucket = Math.max(current, Math.min(queues.length - 1, level.applyAsInt(j)));
        if (queues[bucket] == null) {
            queues[bucket] = new IntStack();
        }
        queues[bucket].push(j);
    }
}
