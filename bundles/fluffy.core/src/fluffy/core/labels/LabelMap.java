package fluffy.core.labels;

import java.util.Arrays;

/**
 * An instance label map in row-major order: 0 is background, every other value one object. Labels are
 * ints so that more than 65,535 objects never wrap; files store them as uint16 when they fit.
 */
public record LabelMap(int width, int height, int[] labels) {

    public LabelMap {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("label map size must be positive, got " + width + " x " + height);
        }
        if (labels.length != (long) width * height) {
            throw new IllegalArgumentException("label map of " + width + " x " + height + " needs "
                    + (long) width * height + " labels, got " + labels.length);
        }
    }

    public static LabelMap empty(int width, int height) {
        return new LabelMap(width, height, new int[Math.multiplyExact(width, height)]);
    }

    public int get(int x, int y) {
        return labels[y * width + x];
    }

    public void set(int x, int y, int label) {
        labels[y * width + x] = label;
    }

    /** The largest label (0 for an empty map). */
    public int maxLabel() {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max;
    }

    /** How many distinct non-zero labels occur. */
    public int objectCount() {
        return (int) Arrays.stream(labels).filter(l -> l != 0).distinct().count();
    }

    /** A copy with labels renumbered 1..n in order of first appearance (row-major); 0 stays 0. */
    public LabelMap relabelled() {
        int[] map = new int[maxLabel() + 1];
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0) {
                throw new IllegalStateException("negative label " + l + " at index " + i);
            }
            if (l != 0 && map[l] == 0) {
                map[l] = ++next;
            }
            out[i] = l == 0 ? 0 : map[l];
        }
        return new LabelMap(width, height, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap m && m.width == width && m.height == height && Arrays.equals(m.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelMap[" + width + " x " + height + ", max label " + maxLabel() + "]";
    }
}
