package fluffy.core.morphology;

import fluffy.core.labels.LabelMap;

/**
 * The border class of the categorical model: for each object, its dilation XOR its erosion (2 iterations
 * each in the original), a band about four pixels wide across the outline, united over all objects.
 * Computed on the whole label map, never on a crop, so an object cut by a crop gets no false border.
 */
public final class ObjectBorders {

    private ObjectBorders() {
    }

    public static boolean[] band(LabelMap labels, int iterations) {
        int w = labels.width();
        int h = labels.height();
        boolean[] border = new boolean[w * h];
        for (ObjectBox box : ObjectBox.of(labels, iterations)) {
            int bw = box.width();
            int bh = box.height();
            boolean[] mask = new boolean[bw * bh];
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    mask[y * bw + x] = labels.get(box.x0() + x, box.y0() + y) == box.label();
                }
            }
            boolean[] dilated = BinaryMorphology.dilate(mask, bw, bh, iterations);
            // The box keeps a background margin of `iterations` pixels except where the image ends; erosion
            // treats the outside as object, so objects are eroded from their outline but not from the image edge.
            boolean[] eroded = BinaryMorphology.erode(mask, bw, bh, iterations);
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    if (dilated[y * bw + x] != eroded[y * bw + x]) {
                        border[(box.y0() + y) * w + box.x0() + x] = true;
                    }
                }
            }
        }
        return border;
    }
}
