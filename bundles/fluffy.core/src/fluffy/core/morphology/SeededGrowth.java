package fluffy.core.morphology;

import java.util.PriorityQueue;

import fluffy.core.labels.LabelMap;

/**
 * Seeded watershed: grows labelled seeds into an allowed region, pixels joining in order of a priority
 * (lower first, e.g. 1 − object probability), so neighbouring seeds meet where the priority is highest.
 * Pixels outside {@code allowed} or unreachable from a seed stay 0.
 */
public final class SeededGrowth {

    private SeededGrowth() {
    }

    public static LabelMap grow(LabelMap seeds, boolean[] allowed, float[] priority) {
        int w = seeds.width();
        int n = allowed.length;
        int[] labels = seeds.labels().clone();
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        long order = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0) {
                order = offerNeighbours(queue, labels, allowed, priority, i, w, order);
            }
        }
        while (!queue.isEmpty()) {
            long[] entry = queue.poll();
            int i = (int) entry[2];
            int from = (int) entry[3];
            if (labels[i] != 0) {
                continue;
            }
            labels[i] = labels[from];
            order = offerNeighbours(queue, labels, allowed, priority, i, w, order);
        }
        return new LabelMap(w, seeds.height(), labels);
    }

    private static long offerNeighbours(PriorityQueue<long[]> queue, int[] labels, boolean[] allowed,
            float[] priority, int i, int w, long order) {
        int x = i % w;
        int[] neighbours = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w};
        for (int j : neighbours) {
            if (j >= 0 && j < labels.length && allowed[j] && labels[j] == 0) {
                // Priorities are quantised so the queue orders by them first and by arrival second (FIFO).
                queue.add(new long[] {(long) (priority[j] * 1_000_000), order++, j, i});
            }
        }
        return order;
    }
}
