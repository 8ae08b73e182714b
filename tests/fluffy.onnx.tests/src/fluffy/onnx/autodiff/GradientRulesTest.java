package fluffy.onnx.autodiff;

import static fluffy.onnx.autodiff.GradientCheck.awayFromZero;
import static fluffy.onnx.autodiff.GradientCheck.in;
import static fluffy.onnx.autodiff.GradientCheck.positive;
import static fluffy.onnx.autodiff.GradientCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import fluffy.onnx.Graph;
import fluffy.onnx.Ops;
import fluffy.onnx.OrtRunner.In;
import fluffy.onnx.Shape;
import fluffy.onnx.Value;
import fluffy.onnx.autodiff.GradientCheck.Case;
import fluffy.onnx.nn.NetworkBuilder;
import fluffy.onnx.nn.NetworkBuilder.Mode;

/**
 * Finite-difference checks of every gradient rule in {@link GradientRules#standard()}, each run on ONNX
 * Runtime in fp32. The worst relative error per rule is printed after the run.
 */
class GradientRulesTest {

    /** fp32 central differences reach about 1e-3 on these sizes; a wrong rule is off by order 1. */
    private static final double TOLERANCE = 1e-2;

    /** Ops whose outputs carry no gradient (comparisons, shapes, random numbers): nothing to check. */
    private static final Set<String> NOT_DIFFERENTIABLE = Set.of("Greater", "Less", "Equal", "Not", "Cast",
            "RandomUniformLike", "Shape", "Size", "ConstantOfShape", "Gather");

    private static final Map<String, Double> WORST = new TreeMap<>();

    private final Random random = new Random(2024);

    @TestFactory
    Stream<DynamicTest> everyRulePassesFiniteDifferences() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            double error = GradientCheck.check(c, GradientRules.standard());
            String rule = c.name().split(" ")[0];
            synchronized (WORST) {
                WORST.merge(rule, error, Math::max);
            }
            assertTrue(error < TOLERANCE, c.name() + ": relative error " + error);
        }));
    }

    @Test
    void everyDifferentiableRuleHasACase() {
        Set<String> covered = new TreeSet<>();
        for (Case c : cases()) {
            covered.add(c.name().split(" ")[0]);
        }
        Set<String> missing = new TreeSet<>(GradientRules.standard().opTypes());
        missing.removeAll(covered);
        missing.removeAll(NOT_DIFFERENTIABLE);
        assertEquals(Set.of(), missing, "gradient rules without a finite-difference case");
    }

    @Test
    void bothConvInputGradientFormsPass() throws Exception {
        GradientRules flipped = GradientRules.standard(ConvInputGradient.FLIPPED_CONV);
        for (Case c : cases()) {
            if (c.name().startsWith("Conv ")) {
                double error = GradientCheck.check(c, flipped);
                assertTrue(error < TOLERANCE, c.name() + " (flipped conv): relative error " + error);
            }
        }
    }

    @AfterAll
    static void report() {
        StringBuilder table = new StringBuilder("worst relative error per gradient rule (fp32, eps sweep):\n");
        WORST.forEach((rule, error) -> table.append(String.format("  %-18s %.2e%n", rule, error)));
        System.out.print(table);
    }

    // --- cases -------------------------------------------------------------------------------------

    private List<Case> cases() {
        List<Case> all = new ArrayList<>();
        long[] s = {2, 3, 4, 5};
        int n = 2 * 3 * 4 * 5;
        all.add(binary("Add broadcast", Ops::add, s, new long[] {3, 1, 1}));
        all.add(binary("Sub broadcast", Ops::sub, s, new long[] {1, 3, 4, 1}));
        all.add(binary("Mul broadcast", Ops::mul, s, new long[] {5}));
        all.add(new Case("Div broadcast", g -> new Ops(g).div(in(g, "a", s), in(g, "b", 1, 3, 1, 1)),
                Map.of("a", new In(random(random, n, 1), s), "b", new In(awayFromZero(random, 3, 0.5f, 2), 1, 3, 1, 1)),
                Set.of()));
        all.add(unary("Pow cube", (o, x) -> o.pow(x, o.graph().scalar(3)), random(random, n, 1), s));
        all.add(unary("Neg", Ops::neg, random(random, n, 1), s));
        all.add(unary("Identity", Ops::identity, random(random, n, 1), s));
        all.add(new Case("Sum of three", g -> {
            Ops o = new Ops(g);
            return o.sum(List.of(in(g, "a", s), in(g, "b", s), in(g, "c", 1, 3, 1, 1)));
        }, Map.of("a", new In(random(random, n, 1), s), "b", new In(random(random, n, 1), s),
                "c", new In(random(random, 3, 1), 1, 3, 1, 1)), Set.of()));
        all.add(new Case("Where", g -> {
            Ops o = new Ops(g);
            Value condition = o.greater(in(g, "selector", s), g.scalar(0));
            return o.where(condition, in(g, "a", s), in(g, "b", 1, 3, 1, 1));
        }, Map.of("selector", new In(random(random, n, 1), s), "a", new In(random(random, n, 1), s),
                "b", new In(random(random, 3, 1), 1, 3, 1, 1)), Set.of("selector")));
        all.add(unary("Relu", Ops::relu, awayFromZero(random, n, 0.1f, 1), s));
        all.add(unary("Sigmoid", Ops::sigmoid, random(random, n, 2), s));
        all.add(unary("Softplus", Ops::softplus, random(random, n, 2), s));
        all.add(unary("Exp", Ops::exp, random(random, n, 1), s));
        all.add(unary("Log", Ops::log, positive(random, n, 0.5f, 2), s));
        all.add(unary("Sqrt", Ops::sqrt, positive(random, n, 0.5f, 2), s));
        all.add(unary("Reciprocal", Ops::reciprocal, positive(random, n, 0.5f, 2), s));
        all.add(unary("LogSoftmax channels", (o, x) -> o.logSoftmax(x, 1), random(random, n, 2), s));
        all.add(unary("Softmax channels", (o, x) -> o.softmax(x, 1), random(random, n, 2), s));
        all.add(unary("ReduceSum N,H,W", (o, x) -> o.reduceSum(x, new long[] {0, 2, 3}, false), random(random, n, 1), s));
        all.add(unary("ReduceMean keepdims", (o, x) -> o.reduceMean(x, new long[] {0, 2, 3}, true), random(random, n, 1), s));
        all.add(new Case("Concat channels", g -> new Ops(g).concat(List.of(in(g, "a", 2, 3, 4, 5), in(g, "b", 2, 2, 4, 5)), 1),
                Map.of("a", new In(random(random, n, 1), s), "b", new In(random(random, 80, 1), 2, 2, 4, 5)), Set.of()));
        all.add(unary("Split channels, second part", (o, x) -> o.split(x, 1, new long[] {1, 2}).get(1), random(random, n, 1), s));
        all.add(unary("Reshape", (o, x) -> o.reshape(x, 6, 20), random(random, n, 1), s));
        all.add(unary("Unsqueeze", (o, x) -> o.unsqueeze(x, 0), random(random, n, 1), s));
        all.add(unary("Squeeze", (o, x) -> o.one("Squeeze", List.of(x, o.graph().vector(0)), Map.of(), x.type(),
                Shape.of(3L, 4L, 5L)), random(random, 60, 1), 1, 3, 4, 5));
        all.add(unary("Transpose", (o, x) -> o.transpose(x, 1, 0, 3, 2), random(random, n, 1), s));
        // Distinct values keep the argmax of every 2x2 window unambiguous under the probe.
        all.add(unary("MaxPool 2x2", (o, x) -> o.maxPool(x, 2, true).get(0), distinct(2 * 3 * 4 * 6), 2, 3, 4, 6));
        all.add(conv("Conv 3x3 pad 1 with bias", 3, 1, true));
        all.add(conv("Conv 1x1 no bias", 1, 0, false));
        all.add(conv("Conv 3x3 no padding", 3, 0, true));
        all.add(new Case("ConvTranspose 2x2 stride 2", g -> {
            Ops o = new Ops(g);
            return o.convTranspose(in(g, "x", 2, 3, 4, 5), in(g, "w", 3, 4, 2, 2), in(g, "b", 4), 2);
        }, Map.of("x", new In(random(random, n, 1), s), "w", new In(random(random, 48, 0.5f), 3, 4, 2, 2),
                "b", new In(random(random, 4, 1), 4)), Set.of()));
        all.add(new Case("BatchNorm composite (training statistics)", g -> {
            NetworkBuilder net = new NetworkBuilder(g, Mode.TRAIN, null, 1);
            return net.batchNorm("bn", in(g, "x", s));
        }, Map.of("x", new In(random(random, n, 2), s), "bn/gamma", new In(positive(random, 3, 0.5f, 2), 3),
                "bn/beta", new In(random(random, 3, 1), 3), "bn/running_mean", new In(new float[3], 3),
                "bn/running_var", new In(new float[] {1, 1, 1}, 3)), Set.of("bn/running_mean", "bn/running_var")));
        return all;
    }

    private interface UnaryOp {
        Value apply(Ops ops, Value x);
    }

    private interface BinaryOp {
        Value apply(Ops ops, Value a, Value b);
    }

    private static Case unary(String name, UnaryOp op, float[] x, long... shape) {
        Function<Graph, Value> build = g -> op.apply(new Ops(g), in(g, "x", shape));
        return new Case(name, build, Map.of("x", new In(x, shape)), Set.of());
    }

    private Case binary(String name, BinaryOp op, long[] a, long[] b) {
        Function<Graph, Value> build = g -> op.apply(new Ops(g), in(g, "a", a), in(g, "b", b));
        return new Case(name, build, Map.of("a", new In(random(random, count(a), 1), a),
                "b", new In(random(random, count(b), 1), b)), Set.of());
    }

    private Case conv(String name, int k, int pad, boolean bias) {
        long[] xs = {2, 3, 6, 5};
        long[] ws = {4, 3, k, k};
        Function<Graph, Value> build = g -> new Ops(g).conv(in(g, "x", xs), in(g, "w", ws), bias ? in(g, "b", 4) : null,
                pad, 1);
        Map<String, In> inputs = new java.util.HashMap<>(Map.of("x", new In(random(random, count(xs), 1), xs),
                "w", new In(random(random, count(ws), 0.5f), ws)));
        if (bias) {
            inputs.put("b", new In(random(random, 4, 1), 4));
        }
        return new Case(name, build, inputs, Set.of());
    }

    private float[] distinct(int n) {
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add((i - n / 2f) * 0.25f);
        }
        java.util.Collections.shuffle(values, random);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = values.get(i);
        }
        return v;
    }

    private static int count(long[] shape) {
        return (int) GradientCheck.product(shape);
    }
}
