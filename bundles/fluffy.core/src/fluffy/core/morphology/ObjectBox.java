package fluffy.core.morphology;

import java.util.ArrayList;
import java.util.List;

import fluffy.core.labels.LabelMap;

/** An object's bounding box grown by a margin and clipped to the image. */
record ObjectBox(int label, int x0, int y0, int x1, int y1) {

    int width() {
        return x1 - x0 + 1;
    }

    int height() {
        return y1 - y0 + 1;
    }

    /** One box per label present, in label order. */
    static List<ObjectBox> of(LabelMap labels, int margin) {
        int max = labels.maxLabel();
        int[] minX = new int[max + 1];
        int[] minY = new int[max + 1];
        int[] maxX = new int[max + 1];
        int[] maxY = new int[max + 1];
        java.util.Arrays.fill(minX, Integer.MAX_VALUE);
        java.util.Arrays.fill(minY, Integer.MAX_VALUE);
        java.util.Arrays.fill(maxX, -1);
        java.util.Arrays.fill(maxY, -1);
        int w = labels.width();
        for (int i = 0; i < labels.labels().length; i++) {
            int l = labels.labels()[i];
            if (l > 0) {
                int x = i % w;
                int y = i / w;
                minX[l] = Math.min(minX[l], x);
                maxX[l] = Math.max(maxX[l], x);
                minY[l] = Math.min(minY[l], y);
                maxY[l] = Math.max(maxY[l], y);
            }
        }
        List<ObjectBox> boxes = new ArrayList<>();
        for (int l = 1; l <= max; l++) {
            if (maxX[l] >= 0) {
                boxes.add(new ObjectBox(l, Math.max(0, minX[l] - margin), Math.max(0, minY[l] - margin),
                        Math.min(w - 1, maxX[l] + margin), Math.min(labels.height() - 1, maxY[l] + margin)));
            }
        }
        return boxes;
    }
}
