package fluffy.inference;

import java.util.Locale;

/**
 * The order of a network tensor's axes, one letter each: {@code b} batch, {@code c} channel, {@code y} and
 * {@code x} space, any other letter an axis of size 1 (e.g. {@code z} of a 2D model that names it).
 * Prediction works on [batch, channel, height, width] arrays and converts to and from the network's order
 * here, so a model with channels last or without a batch axis runs like one of ours.
 */
public record TensorLayout(String axes) {

    /** Ours: what Fluffy's models take and give. */
    public static final TensorLayout BCYX = new TensorLayout("bcyx");

    public TensorLayout {
        axes = axes.toLowerCase(Locale.ROOT);
        if (axes.indexOf('y') < 0 || axes.indexOf('x') < 0) {
            throw new IllegalArgumentException("axes '" + axes + "' lack y or x: only 2D images are predicted");
        }
        for (int i = 0; i < axes.length(); i++) {
            if (axes.indexOf(axes.charAt(i)) != i) {
                throw new IllegalArgumentException("axes '" + axes + "' name '" + axes.charAt(i) + "' twice");
            }
        }
    }

    public boolean hasBatch() {
        return axes.indexOf('b') >= 0;
    }

    public boolean hasChannel() {
        return axes.indexOf('c') >= 0;
    }

    /** The network's shape for {@code n} images of {@code c} channels of {@code h x w}. */
    public long[] shape(int n, int c, int h, int w) {
        long[] shape = new long[axes.length()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = size(axes.charAt(i), n, c, h, w);
        }
        return shape;
    }

    /** [n, c, h, w] values in this layout (the same array when the order is ours). */
    public float[] fromBchw(float[] values, int n, int c, int h, int w) {
        check(n, c);
        if (isBchw()) {
            return values;
        }
        float[] out = new float[values.length];
        permute(values, out, n, c, h, w, true);
        return out;
    }

    /** Values in this layout, of this tensor shape, as [n, c, h, w] (n, c are 1 when the axis is absent). */
    public float[] toBchw(float[] values, long[] shape, int[] bchw) {
        if (shape.length != axes.length()) {
            throw new IllegalArgumentException("the network gives a tensor of " + shape.length + " axes, its "
                    + "description names " + axes.length() + " (" + axes + ")");
        }
        int[] dims = {1, 1, 1, 1};
        for (int i = 0; i < shape.length; i++) {
            int k = "bcyx".indexOf(axes.charAt(i));
            if (k >= 0) {
                dims[k] = Math.toIntExact(shape[i]);
            } else if (shape[i] != 1) {
                throw new IllegalArgumentException("the network's axis '" + axes.charAt(i) + "' has size " + shape[i]
                        + "; only 2D images (size 1 there) are predicted");
            }
        }
        System.arraycopy(dims, 0, bchw, 0, 4);
        if (isBchw()) {
            return values;
        }
        float[] out = new float[values.length];
        permute(values, out, dims[0], dims[1], dims[2], dims[3], false);
        return out;
    }

    private boolean isBchw() {
        return axes.replaceAll("[^bcyx]", "").equals("bcyx");
    }

    private void check(int n, int c) {
        if (n > 1 && !hasBatch()) {
            throw new IllegalArgumentException("axes '" + axes + "' have no batch axis: one image per run");
        }
        if (c > 1 && !hasChannel()) {
            throw new IllegalArgumentException("axes '" + axes + "' have no channel axis: one channel only");
        }
    }

    private static long size(char axis, int n, int c, int h, int w) {
        return switch (axis) {
        case 'b' -> n;
        case 'c' -> c;
        case 'y' -> h;
        case 'x' -> w;
        default -> 1;
        };
    }

    /**
     * Copies between [n, c, h, w] and this layout: {@code toLayout} writes {@code dst} in this layout from a
     * [n, c, h, w] {@code src}, else the other way.
     */
    private void permute(float[] src, float[] dst, int n, int c, int h, int w, boolean toLayout) {
        // The stride, in this layout, of each of b, c, y, x (0 for an absent axis: its index is always 0).
        long[] shape = shape(n, c, h, w);
        int[] stride = new int[4];
        int s = 1;
        for (int i = axes.length() - 1; i >= 0; i--) {
            int k = "bcyx".indexOf(axes.charAt(i));
            if (k >= 0) {
                stride[k] = s;
            }
            s *= (int) shape[i];
        }
        int ours = 0;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    int row = b * stride[0] + ch * stride[1] + y * stride[2];
                    for (int x = 0; x < w; x++, ours++) {
                        int theirs = row + x * stride[3];
                        if (toLayout) {
                            dst[theirs] = src[ours];
                        } else {
                            dst[ours] = src[theirs];
                        }
                    }
                }
            }
        }
    }
}
