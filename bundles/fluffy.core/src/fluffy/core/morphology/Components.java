package fluffy.core.morphology;

import fluffy.core.labels.LabelMap;

/** Connected components of a binary mask (4-connected), labelled 1..n in row-major order of first pixel. */
public final class Components {

    private Components() {
    }

    public static LabelMap label(boolean[] mask, int width, int height) {
        int[] labels = new int[mask.length];
        // The stack grows with the frontier only: an image-sized one would double the memory of large images.
        IntStack stack = new IntStack();
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            labels[start] = ++next;
            stack.push(start);
            while (!stack.isEmpty()) {
                int i = stack.pop();
                int x = i % width;
                if (x > 0 && mask[i - 1] && labels[i - 1] == 0) {
                    labels[i - 1] = next;
                    stack.push(i - 1);
                }
                if (x < width - 1 && mask[i + 1] && labels[i + 1] == 0) {
                    labels[i + 1] = next;
                    stack.push(i + 1);
                }
                if (i >= width && mask[i - width] && labels[i - width] == 0) {
                    labels[i - width] = next;
                    stack.push(i - width);
                }
                if (i + width < mask.length && mask[i + width] && labels[i + width] == 0) {
                    labels[i + width] = next;
                    stack.push(i + width);
                }
            }
        }
        return new LabelMap(width, height, labels);
    }
}
