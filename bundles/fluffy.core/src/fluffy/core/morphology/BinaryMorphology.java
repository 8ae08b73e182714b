package fluffy.core.morphology;

/**
 * Dilation and erosion of binary masks with the 3×3 cross (the structuring element scipy's
 * {@code binary_dilation}/{@code binary_erosion} use by default, as the original Fluffy did), repeated
 * {@code iterations} times. Pixels outside the mask's array count as set for erosion: an object cut by the
 * image edge is not eroded from that edge, because its true outline lies outside.
 */
public final class BinaryMorphology {

    private BinaryMorphology() {
    }

    public static boolean[] dilate(boolean[] mask, int width, int height, int iterations) {
        boolean[] current = mask.clone();
        for (int i = 0; i < iterations; i++) {
            current = step(current, width, height, true);
        }
        return current;
    }

    public static boolean[] erode(boolean[] mask, int width, int height, int iterations) {
        boolean[] current = mask.clone();
        for (int i = 0; i < iterations; i++) {
            current = step(current, width, height, false);
        }
        return current;
    }

    /** One dilation (any cross neighbour set) or erosion (every cross neighbour set). */
    private static boolean[] step(boolean[] in, int w, int h, boolean dilate) {
        boolean[] out = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean left = x == 0 ? !dilate : in[i - 1];
                boolean right = x == w - 1 ? !dilate : in[i + 1];
                boolean up = y == 0 ? !dilate : in[i - w];
                boolean down = y == h - 1 ? !dilate : in[i + w];
                out[i] = dilate ? in[i] || left || right || up || down : in[i] && left && right && up && down;
            }
        }
        return out;
    }
}
