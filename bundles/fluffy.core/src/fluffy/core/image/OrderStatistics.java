package fluffy.core.image;

/**
 * The k-th smallest of many floats without sorting a copy: two counting passes over the bits of a
 * sortable key (high 16 bits, then low 16 bits within the chosen bucket). The order is that of
 * {@code Arrays.sort(float[])} (-0.0 before 0.0, NaN last), so percentiles come out bit for bit the same
 * as from a sorted copy, while an 8192 x 8192 plane needs 512 KiB of counters instead of a 256 MiB copy.
 */
public final class OrderStatistics {

    private static final int BUCKETS = 1 << 16;

    private OrderStatistics() {
    }

    /** The value at index {@code k} (0-based) of the sorted data. */
    public static float select(float[] data, int k) {
        if (k < 0 || k >= data.length) {
            throw new IndexOutOfBoundsException("rank " + k + " of " + data.length + " values");
        }
        int[] counts = new int[BUCKETS];
        for (float v : data) {
            counts[key(v) >>> 16]++;
        }
        int high = 0;
        int below = 0;
        while (below + counts[high] <= k) {
            below += counts[high++];
        }
        java.util.Arrays.fill(counts, 0);
        for (float v : data) {
            int key = key(v);
            if (key >>> 16 == high) {
                counts[key & 0xffff]++;
            }
        }
        int low = 0;
        while (below + counts[low] <= k) {
            below += counts[low++];
        }
        return value((high << 16) | low);
    }

    /** Maps a float to an int whose unsigned order is the float order of {@code Float.compare}. */
    private static int key(float v) {
        int bits = Float.floatToIntBits(v); // canonical NaN, which then sorts after +Infinity
        return bits < 0 ? ~bits : bits ^ 0x80000000;
    }

    private static float value(int key) {
        int bits = key < 0 ? key ^ 0x80000000 : ~key;
        return Float.intBitsToFloat(bits);
    }
}
