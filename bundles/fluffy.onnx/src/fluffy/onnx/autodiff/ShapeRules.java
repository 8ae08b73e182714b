package fluffy.onnx.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fluffy.onnx.Node;
import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/** Ops that move data without computing: Concat, Split, Reshape, Transpose, (Un)Squeeze, MaxPool. */
final class ShapeRules {

    private ShapeRules() {
    }

    static void register(Map<String, GradientRule> r) {
        r.put("Concat", ShapeRules::concat);
        r.put("Split", ShapeRules::split);
        r.put("Reshape", (ctx, n, g) -> Arrays.asList(ctx.ops().reshape(g.get(0), ctx.ops().shapeOf(n.input(0)),
                n.input(0).shape()), null));
        r.put("Unsqueeze", (ctx, n, g) -> Arrays.asList(ctx.ops().reshape(g.get(0), ctx.ops().shapeOf(n.input(0)),
                n.input(0).shape()), null));
        r.put("Squeeze", (ctx, n, g) -> Arrays.asList(ctx.ops().reshape(g.get(0), ctx.ops().shapeOf(n.input(0)),
                n.input(0).shape()), null));
        r.put("Transpose", (ctx, n, g) -> {
            long[] perm = n.intsAttr("perm", null);
            long[] inverse = new long[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inverse[(int) perm[i]] = i;
            }
            return List.of(ctx.ops().transpose(g.get(0), inverse));
        });
        r.put("MaxPool", ShapeRules::maxPool);
    }

    /** The gradient is cut back into the pieces that were joined; their sizes must be known statically. */
    private static List<Value> concat(GradientContext ctx, Node n, List<Value> g) {
        int axis = (int) n.intAttr("axis", 0);
        long[] sizes = new long[n.inputs().size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = n.input(i).shape().dim(axis);
            if (sizes[i] < 0) {
                throw new IllegalArgumentException("Concat: input sizes along axis " + axis
                        + " must be known to differentiate (node " + n.name() + ")");
            }
        }
        List<Value> parts = ctx.ops().split(g.get(0), axis, sizes);
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(ctx.needs(n.input(i)) ? parts.get(i) : null);
        }
        return out;
    }

    /** Pieces are joined again; a piece that does not reach the loss contributes zeros. */
    private static List<Value> split(GradientContext ctx, Node n, List<Value> g) {
        Ops o = ctx.ops();
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            Value part = g.get(i);
            if (part == null) {
                Value out = n.output(i);
                part = o.constantOfShape(o.shapeOf(out), 0f, out.shape());
            }
            parts.add(part);
        }
        return Arrays.asList(o.concat(parts, (int) n.intAttr("axis", 0)), null);
    }

    /**
     * Each pooled gradient goes back to the position that won the max, found by the Indices output that
     * the forward node must produce (flat positions over N·C·H·W): a scatter into zeros.
     */
    private static List<Value> maxPool(GradientContext ctx, Node n, List<Value> g) {
        if (n.outputs().size() < 2) {
            throw new IllegalArgumentException("MaxPool needs its Indices output to be differentiated (node "
                    + n.name() + ")");
        }
        Ops o = ctx.ops();
        Value x = n.input(0);
        Value flatIndices = o.reshape(n.output(1), -1);
        Value flatGrad = o.reshape(g.get(0), -1);
        Value zeros = o.constantOfShape(o.unsqueeze(o.size(x), 0), 0f, fluffy.onnx.Shape.unknown(1));
        Value scattered = o.scatterElements(zeros, flatIndices, flatGrad, 0);
        return List.of(o.reshape(scattered, o.shapeOf(x), x.shape()));
    }
}
