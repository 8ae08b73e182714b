package fluffy.inference;

/**
 * The image sizes a network accepts and the border it cannot predict well, as a bioimage.io description
 * states them: sides of {@code min + k * step} pixels (k = 0, 1, ...; {@code step} 0: exactly {@code min}),
 * and {@code halo} pixels at each edge of its output that are context, not result. Fluffy's U-Nets take
 * multiples of 2 to the number of poolings and have no halo.
 *
 * @param wholeImage the image must be predicted in one pass (e.g. a label-image output, whose labels tiles
 *                   would number independently)
 */
public record TileRule(int min, int step, int halo, boolean wholeImage) {

    public TileRule {
        if (min < 1 || step < 0 || halo < 0) {
            throw new IllegalArgumentException("invalid sizes: min " + min + ", step " + step + ", halo " + halo);
        }
    }

    /** Sides that are multiples of {@code multiple}. */
    public static TileRule multiplesOf(int multiple) {
        return new TileRule(multiple, multiple, 0, false);
    }

    /** The smallest accepted side of at least {@code size} (exactly {@code min} for a fixed size below it). */
    public int fit(int size) {
        if (size <= min) {
            return min;
        }
        if (step == 0) {
            return min;
        }
        return min + (size - min + step - 1) / step * step;
    }

    /** Tiles start on multiples of this, so the network's pooling sees the whole image's pixel grid. */
    public int alignment() {
        return step > 0 && min % step == 0 ? step : 1;
    }

    /** The side an image of this size is padded to (a fixed-size network covers larger ones by tiles). */
    public int padded(int size) {
        return step == 0 && size > min ? size : fit(size);
    }
}
