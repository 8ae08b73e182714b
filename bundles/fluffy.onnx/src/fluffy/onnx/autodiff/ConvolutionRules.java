package fluffy.onnx.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fluffy.onnx.DataType;
import fluffy.onnx.Node;
import fluffy.onnx.Ops;
import fluffy.onnx.Shape;
import fluffy.onnx.Value;

/**
 * Conv (stride 1, square kernel, symmetric padding) and ConvTranspose (kernel = stride, no padding), the
 * two convolutions of Fluffy's U-Nets.
 *
 * <p>The weight gradient of a Conv is computed as one GEMM per kernel tap over the padded, flattened
 * batch: with X padded to Hp×Wp and flattened to [Ci, N·Hp·Wp] (dY padded alike to [Co, L = N·Hp·Wp]),
 * the input pixel under tap (i, j) of output pixel f sits at f + i·Wp + j, so
 * {@code dW[:, :, i, j] = dY · X[:, off : off + L]ᵀ} with {@code off = i·Wp + j} and X extended by zeros
 * past its end. Positions of dY outside the valid output are its zero padding and add nothing. On CPU
 * this beats the textbook form (a convolution of X with dY as kernel) by a wide margin.
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
        Value xp = pad > 0 ? o.pad(x, new long[] {0, 0, pad, pad, 0, 0, pad, pad}, Shape.unknown(4).with(1, ci)) : x;
        Value xf = o.reshape(o.transpose(xp, 1, 0, 2, 3), ci, -1);
        Value dyp = k > 1 ? o.pad(dy, new long[] {0, 0, 0, 0, 0, 0, k - 1, k - 1}, Shape.unknown(4).with(1, co)) : dy;
        Value dyf = o.reshape(o.transpose(dyp, 1, 0, 2, 3), co, -1);
        if (k == 1) {
            return o.reshape(o.gemm(dyf, xf, false, true), co, ci, 1, 1);
        }
        Value widthPadded = ctx.intAdd(ctx.dim(o.shapeOf(x), 3), ctx.constantVector(2 * pad));
        Value length = ctx.dim(o.shapeOf(xf), 1);
        // Zeros after the last image let every tap read a full-length window of X, so dY is never sliced.
        Value lastOffset = ctx.intAdd(ctx.intMul(widthPadded, ctx.constantVector(k - 1)), ctx.constantVector(k - 1));
        Value xe = o.one("Pad", List.of(xf, ctx.shapeVector(ctx.constantVector(0), ctx.constantVector(0),
                ctx.constantVector(0), lastOffset)), Map.of("mode", "constant"), DataType.FLOAT, Shape.of(ci, null));
        List<Value> taps = new ArrayList<>();
        for (long i = 0; i < k; i++) {
            for (long j = 0; j < k; j++) {
                Value offset = ctx.intAdd(ctx.intMul(widthPadded, ctx.constantVector(i)), ctx.constantVector(j));
                Value xs = slice(o, xe, offset, ctx.intAdd(offset, length), ci);
                taps.add(o.unsqueeze(o.gemm(dyf, xs, false, true), 2));
            }
        }
        return o.reshape(o.concat(taps, 2), co, ci, k, k);
    }

    private static Value slice(Ops o, Value x, Value start, Value end, long rows) {
        return o.one("Slice", List.of(x, start, end, o.graph().vector(1)), Map.of(), DataType.FLOAT,
                Shape.of(rows, null));
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
            Value xs = o.shapeOf(x);
            Value xf = o.reshape(o.transpose(x, 1, 0, 2, 3), ci, -1);
            Value blocks = o.reshape(dy, ctx.shapeVector(ctx.dim(xs, 0), ctx.constantVector(co), ctx.dim(xs, 2),
                    ctx.constantVector(s), ctx.dim(xs, 3), ctx.constantVector(s)), Shape.of(null, co, null, s, null, s));
            Value rows = o.reshape(o.transpose(blocks, 1, 3, 5, 0, 2, 4), co * s * s, -1);
            dw = o.reshape(o.gemm(xf, rows, false, true), ci, co, s, s);
        }
        Value db = ctx.needs(n.input(2)) ? o.reduceSum(dy, new long[] {0, 2, 3}, false) : null;
        return Arrays.asList(dx, dw, db);
    }
}
