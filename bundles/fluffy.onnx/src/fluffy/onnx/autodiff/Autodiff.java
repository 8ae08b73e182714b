package fluffy.onnx.autodiff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fluffy.onnx.Graph;
import fluffy.onnx.Node;
import fluffy.onnx.Ops;
import fluffy.onnx.Tensor;
import fluffy.onnx.Value;

/**
 * Reverse-mode differentiation of an ONNX graph: appends to the graph the nodes that compute the
 * gradient of a scalar loss with respect to chosen values (the parameters). Only nodes on a path from a
 * parameter to the loss are differentiated, and a rule is asked only for the input gradients needed.
 */
public final class Autodiff {

    private Autodiff() {
    }

    /**
     * @return for each value in {@code wrt}, in the same order, its gradient
     * @throws IllegalArgumentException when an op on the path has no rule, or a value does not affect
     *                                  the loss
     */
    public static Map<Value, Value> gradients(Graph graph, Value loss, Collection<Value> wrt, GradientRules rules) {
        if (loss.shape().size() != 1) {
            throw new IllegalArgumentException("the loss must be a single number, got shape " + loss.shape());
        }
        Set<Value> relevant = relevantValues(graph, loss, wrt);
        Map<Value, List<Value>> contributions = new IdentityHashMap<>();
        Ops ops = new Ops(graph);
        try (Graph.Scope scope = graph.scope("grad")) {
            contributions.computeIfAbsent(loss, k -> new ArrayList<>())
                    .add(graph.constant(Tensor.floats(new float[] {1f}, loss.shape().dims())));
            GradientContext ctx = new GradientContext(ops, relevant);
            List<Node> nodes = new ArrayList<>(graph.nodes());
            Collections.reverse(nodes);
            for (Node node : nodes) {
                List<Value> outGrads = new ArrayList<>();
                boolean any = false;
                for (Value out : node.outputs()) {
                    List<Value> c = contributions.remove(out);
                    Value g = c == null ? null : ops.sum(c);
                    any |= g != null;
                    outGrads.add(g);
                }
                if (!any || node.inputs().stream().noneMatch(relevant::contains)) {
                    continue;
                }
                GradientRule rule = rules.get(node.opType());
                if (rule == null) {
                    throw new IllegalArgumentException("no gradient rule for op " + node.opType() + " (node "
                            + node.name() + "); rules exist for " + rules.opTypes());
                }
                List<Value> inGrads = rule.backward(ctx, node, outGrads);
                for (int i = 0; i < node.inputs().size(); i++) {
                    Value in = node.input(i);
                    Value g = i < inGrads.size() ? inGrads.get(i) : null;
                    if (in != null && g != null && relevant.contains(in)) {
                        contributions.computeIfAbsent(in, k -> new ArrayList<>()).add(g);
                    }
                }
            }
            Map<Value, Value> result = new LinkedHashMap<>();
            for (Value w : wrt) {
                List<Value> c = contributions.get(w);
                if (c == null) {
                    throw new IllegalArgumentException(w.name() + " does not affect the loss");
                }
                result.put(w, ops.sum(c));
            }
            return result;
        }
    }

    /** Values that lie on a path from one of {@code wrt} to {@code loss}. */
    private static Set<Value> relevantValues(Graph graph, Value loss, Collection<Value> wrt) {
        Set<Value> reach = Collections.newSetFromMap(new IdentityHashMap<>());
        reach.addAll(wrt);
        for (Node n : graph.nodes()) {
            if (n.inputs().stream().anyMatch(reach::contains)) {
                reach.addAll(n.outputs());
            }
        }
        Set<Value> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        needed.add(loss);
        List<Node> reversed = new ArrayList<>(graph.nodes());
        Collections.reverse(reversed);
        for (Node n : reversed) {
            if (n.outputs().stream().anyMatch(needed::contains)) {
                n.inputs().stream().filter(v -> v != null).forEach(needed::add);
            }
        }
        reach.retainAll(needed);
        if (!reach.contains(loss)) {
            throw new IllegalArgumentException("the loss does not depend on any of the values to differentiate");
        }
        return reach;
    }
}
