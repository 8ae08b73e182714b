package fluffy.onnx.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fluffy.onnx.Node;
import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/** Arithmetic with numpy broadcasting: each input gets the output gradient summed to its own shape. */
final class ElementwiseRules {

    private ElementwiseRules() {
    }

    static void register(Map<String, GradientRule> r) {
        r.put("Add", (ctx, n, g) -> Arrays.asList(
                ctx.needs(n.input(0)) ? ctx.reduceTo(g.get(0), n.input(0).shape()) : null,
                ctx.needs(n.input(1)) ? ctx.reduceTo(g.get(0), n.input(1).shape()) : null));
        r.put("Sub", (ctx, n, g) -> Arrays.asList(
                ctx.needs(n.input(0)) ? ctx.reduceTo(g.get(0), n.input(0).shape()) : null,
                ctx.needs(n.input(1)) ? ctx.reduceTo(ctx.ops().neg(g.get(0)), n.input(1).shape()) : null));
        r.put("Mul", (ctx, n, g) -> {
            Ops o = ctx.ops();
            return Arrays.asList(
                    ctx.needs(n.input(0)) ? ctx.reduceTo(o.mul(g.get(0), n.input(1)), n.input(0).shape()) : null,
                    ctx.needs(n.input(1)) ? ctx.reduceTo(o.mul(g.get(0), n.input(0)), n.input(1).shape()) : null);
        });
        r.put("Div", ElementwiseRules::div);
        r.put("Pow", ElementwiseRules::pow);
        r.put("Neg", (ctx, n, g) -> List.of(ctx.ops().neg(g.get(0))));
        r.put("Identity", (ctx, n, g) -> List.of(g.get(0)));
        r.put("Sum", (ctx, n, g) -> {
            List<Value> out = new ArrayList<>();
            for (Value in : n.inputs()) {
                out.add(ctx.needs(in) ? ctx.reduceTo(g.get(0), in.shape()) : null);
            }
            return out;
        });
        r.put("Where", (ctx, n, g) -> Arrays.asList(null,
                ctx.needs(n.input(1)) ? ctx.reduceTo(ctx.ops().where(n.input(0), g.get(0), ctx.zero()), n.input(1).shape()) : null,
                ctx.needs(n.input(2)) ? ctx.reduceTo(ctx.ops().where(n.input(0), ctx.zero(), g.get(0)), n.input(2).shape()) : null));
        // Not differentiable: comparisons, casts, random numbers, shape queries.
        for (String op : List.of("Greater", "Less", "Equal", "Not", "Cast", "RandomUniformLike", "Shape", "Size",
                "ConstantOfShape")) {
            r.put(op, (ctx, n, g) -> List.of());
        }
    }

    /** y = a / b: da = dy / b, db = -dy * y / b. */
    private static List<Value> div(GradientContext ctx, Node n, List<Value> g) {
        Ops o = ctx.ops();
        Value a = n.input(0);
        Value b = n.input(1);
        Value da = ctx.needs(a) ? ctx.reduceTo(o.div(g.get(0), b), a.shape()) : null;
        Value db = ctx.needs(b) ? ctx.reduceTo(o.neg(o.div(o.mul(g.get(0), n.output(0)), b)), b.shape()) : null;
        return Arrays.asList(da, db);
    }

    /** y = a ^ b with a constant exponent b: da = dy * b * a^(b-1). */
    private static List<Value> pow(GradientContext ctx, Node n, List<Value> g) {
        Value a = n.input(0);
        Value b = n.input(1);
        if (ctx.needs(b)) {
            throw new IllegalArgumentException("Pow: only a constant exponent is differentiable (node " + n.name() + ")");
        }
        Ops o = ctx.ops();
        Value bMinus1 = o.sub(b, ctx.graph().scalar(1f));
        return Arrays.asList(ctx.reduceTo(o.mul(o.mul(g.get(0), b), o.pow(a, bMinus1)), a.shape()), null);
    }
}
