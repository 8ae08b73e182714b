package fluffy.onnx.autodiff;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fluffy.onnx.Node;
import fluffy.onnx.Ops;
import fluffy.onnx.Shape;
import fluffy.onnx.Tensor;
import fluffy.onnx.Value;

/**
 * Conv (stride 1, square kernel, symmetric padding) and ConvTranspose (kernel = stride, no padding), the
 * two convolutions of Fluffy's U-Nets.
 *
 * <p>The weight gradient of a Conv is one batched GEMM per layer: {@code dW[o, c, i, j] = Σ dY[o, h, w] ·
 * Xp[c, h + i, w + j]} (Xp: X with the forward padding). On the padded grid, dY shifted down by i (k copies, rows
 * (o, i)) times X shifted left by j (k copies, rows (c, j)), transposed, gives all k² taps in one product per
 * image; the shifts are grouped convolutions with one-hot kernels, so ONNX Runtime's own im2col does the
 * copying, in the NCHW layout as it comes. Forms tried before, for the record: a convolution of X with dY as its
 * kernel (correct, very slow on CPU); one GEMM per tap over shifted slices of the padded, flattened input
 * (nine copies of X, pads and two transposes per layer: 40% of a training step at 256², most of it copying);
 * one GEMM against all k² taps of X gathered at once (k² copies by a one-hot convolution: slower still).
 * The ConvTranspose weight gradient likewise: SpaceToDepth of dY against X, one batched GEMM.
 */
final class ConvolutionRules {

    private ConvolutionRules() {
    }

    static void register(Map<String, GradientRule> r, ConvInputGradient inputGradient) {
        r.put("Conv", (ctx, n, g) -> conv(ctx, n, g, inputGradient));
        r.put("ConvTranspose", ConvolutionRules::convTranspose);
    }

    private static List<Value> conv(GradientContext ctx, Node n, List<Value> g, ConvInputGradient inputGradient) {
        Value x = n.input(0);
        Value w = n.input(1);
        Value dy = g.get(0);
        long k = w.shape().dim(2);
        long[] pads = n.intsAttr("pads", new long[] {0, 0, 0, 0});
        long pad = pads[0];
        boolean supported = w.shape().dim(3) == k && Arrays.stream(pads).allMatch(p -> p == pad)
                && Arrays.stream(n.intsAttr("strides", new long[] {1, 1})).allMatch(s -> s == 1)
                && Arrays.stream(n.intsAttr("dilations", new long[] {1, 1})).allMatch(d -> d == 1)
                && n.intAttr("group", 1) == 1 && w.shape().dim(0) > 0 && w.shape().dim(1) > 0;
        if (!supported) {
            throw new IllegalArgumentException("Conv gradient supports stride 1, dilation 1, one group, a square "
                    + "kernel of known size and symmetric padding (node " + n.name() + ")");
        }
        Value dx = ctx.needs(x) ? convInputGradient(ctx, x, w, dy, k, pad, inputGradient) : null;
        Value dw = ctx.needs(w) ? convWeightGradient(ctx, x, w, dy, k, pad) : null;
        Value db = ctx.needs(n.input(2)) ? ctx.ops().reduceSum(dy, new long[] {0, 2, 3}, false) : null;
        return Arrays.asList(dx, dw, db);
    }

    private static Value convInputGradient(GradientContext ctx, Value x, Value w, Value dy, long k, long pad,
            ConvInputGradient inputGradient) {
        Ops o = ctx.ops();
        if (inputGradient == ConvInputGradient.FLIPPED_CONV) {
            // dX = dY ⋆ rot180(W) with in/out channels swapped: an ordinary convolution.
            Value swapped = o.transpose(w, 1, 0, 2, 3);
            Value flipped = o.slice(swapped, new long[] {-1, -1}, new long[] {Long.MIN_VALUE, Long.MIN_VALUE},
                    new long[] {2, 3}, new long[] {-1, -1}, swapped.shape());
            return o.conv(dy, flipped, null, (int) (k - 1 - pad), 1);
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("kernel_shape", new long[] {k, k});
        attrs.put("pads", new long[] {pad, pad, pad, pad});
        attrs.put("strides", new long[] {1, 1});
        return o.one("ConvTranspose", List.of(dy, w), attrs, dy.type(), x.shape());
    }

    private static Value convWeightGradient(GradientContext ctx, Value x, Value w, Value dy, long k, long pad) {
        Ops o = ctx.ops();
        long co = w.shape().dim(0);
        long ci = w.shape().dim(1);
        if (k == 1) {
            Value perImage = batchMatMulTransB(o, o.reshape(dy, 0, co, -1), o.reshape(x, 0, ci, -1), co, ci);
            return o.reshape(o.reduceSum(perImage, new long[] {0}, false), co, ci, 1, 1);
        }
        // On the padded Hp×Wp grid: X shifted left by j (j < k) and dY shifted down by i, one channel each.
        // Row (o, i) times column (c, j), summed over pixels and images, is dW[o, c, i, j].
        Value xShifts = oneHotShifts(o, x, ci, k, false, new long[] {pad, pad, pad, pad + k - 1});
        Value dyShifts = oneHotShifts(o, dy, co, k, true, new long[] {k - 1, 0, k - 1, k - 1});
        Value perImage = batchMatMulTransB(o, o.reshape(dyShifts, 0, co * k, -1), o.reshape(xShifts, 0, ci * k, -1),
                co * k, ci * k);
        Value summed = o.reshape(o.reduceSum(perImage, new long[] {0}, false), co, k, ci, k);
        return o.transpose(summed, 0, 2, 1, 3);
    }

    /** {@code a · bᵀ} per image: [N, m, L] and [N, n, L] give [N, m, n]. */
    private static Value batchMatMulTransB(Ops o, Value a, Value b, long m, long n) {
        Value bt = o.transpose(b, 0, 2, 1);
        return o.one("MatMul", List.of(a, bt), Map.of(), a.type(), Shape.of(a.shape().names()[0] != null
                ? a.shape().names()[0] : null, m, n));
    }

    /**
     * [N, C, H, W] → [N, C·k, H', W']: channel c·k + t holds channel c shifted by t, along the columns
     * (t to the left) or, when {@code down}, along the rows (t downwards). A grouped convolution with one-hot
     * 1×k or k×1 kernels, so ONNX Runtime's own im2col does the copying; {@code pads} place the result.
     */
    private static Value oneHotShifts(Ops o, Value x, long c, long k, boolean down, long[] pads) {
        float[] kernel = new float[(int) (c * k * k)];
        for (int ch = 0; ch < c; ch++) {
            for (int t = 0; t < k; t++) {
                // A k×1 kernel reads row h + a - (k - 1) at tap a: a = k - 1 - t shifts down by t.
                kernel[(int) ((ch * k + t) * k + (down ? k - 1 - t : t))] = 1;
            }
        }
        long[] dims = down ? new long[] {c * k, 1, k, 1} : new long[] {c * k, 1, 1, k};
        Value oneHot = o.graph().constant(Tensor.floats(kernel, dims));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("group", c);
        attrs.put("kernel_shape", new long[] {dims[2], dims[3]});
        attrs.put("pads", pads);
        attrs.put("strides", new long[] {1, 1});
        return o.one("Conv", List.of(x, oneHot), attrs, x.type(), Shape.unknown(4).with(1, c * k));
    }

    /** Upsampling ConvTranspose with kernel = stride s: each input pixel paints an s×s block. */
    private static List<Value> convTranspose(GradientContext ctx, Node n, List<Value> g) {
        Value x = n.input(0);
        Value w = n.input(1);
        Value dy = g.get(0);
        long s = n.intsAttr("strides", new long[] {1, 1})[0];
        long[] kernel = n.intsAttr("kernel_shape", null);
        boolean supported = kernel != null && kernel[0] == s && kernel[1] == s
                && Arrays.stream(n.intsAttr("pads", new long[] {0, 0, 0, 0})).allMatch(p -> p == 0)
                && n.intAttr("group", 1) == 1 && w.shape().dim(0) > 0 && w.shape().dim(1) > 0;
        if (!supported) {
            throw new IllegalArgumentException("ConvTranspose gradient supports kernel = stride, no padding and "
                    + "one group (node " + n.name() + ")");
        }
        Ops o = ctx.ops();
        long ci = w.shape().dim(0);
        long co = w.shape().dim(1);
        Value dx = null;
        if (ctx.needs(x)) {
            // The adjoint of painting s×s blocks is a strided convolution with the same weights.
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("kernel_shape", new long[] {s, s});
            attrs.put("strides", new long[] {s, s});
            dx = o.one("Conv", List.of(dy, w), attrs, dy.type(), x.shape());
        }
        Value dw = null;
        if (ctx.needs(w)) {
            // Block (a, b) of each s×s output block, as channels (a·s + b)·Co + o of dY's SpaceToDepth.
            Value blocks = o.one("SpaceToDepth", List.of(dy), Map.of("blocksize", s), dy.type(),
                    Shape.unknown(4).with(1, co * s * s));
            Value perImage = batchMatMulTransB(o, o.reshape(x, 0, ci, -1), o.reshape(blocks, 0, co * s * s, -1), ci,
                    co * s * s);
            Value summed = o.reshape(o.reduceSum(perImage, new long[] {0}, false), ci, s, s, co);
            dw = o.transpose(summed, 0, 3, 1, 2);
        }
        Value db = ctx.needs(n.input(2)) ? o.reduceSum(dy, new long[] {0, 2, 3}, false) : null;
        return Arrays.asList(dx, dw, db);
    }
}
