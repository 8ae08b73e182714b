package fluffy.onnx.autodiff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import ai.onnxruntime.OrtException;
import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.Ops;
import fluffy.onnx.OrtRunner;
import fluffy.onnx.OrtRunner.In;
import fluffy.onnx.Shape;
import fluffy.onnx.Tensor;
import fluffy.onnx.Value;

/**
 * Finite-difference check of gradients computed by {@link Autodiff}, run in fp32 on ONNX Runtime (its
 * CPU provider has no float64 convolution). The loss is Σ y·R for a fixed random R, so every output
 * element matters; each input is probed along a random direction d, comparing ⟨∇, d⟩ with the central
 * difference (L(x+εd) − L(x−εd)) / 2ε for a sweep of ε, keeping the best (fp32 rounding favours large
 * ε, curvature small ones).
 */
final class GradientCheck {

    static final double[] EPSILONS = {3e-2, 1e-2, 3e-3, 1e-3};

    /**
     * @param build  adds the op(s) under test to the graph, reading graph inputs by name, and returns y
     * @param inputs values for every graph input the build creates, by name
     * @param fixed  inputs not to differentiate
     */
    record Case(String name, Function<Graph, Value> build, Map<String, In> inputs, Set<String> fixed) {
    }

    /** Worst relative error over the differentiated inputs. */
    static double check(Case c, GradientRules rules) throws OrtException {
        Graph probe = new Graph("probe");
        Value y0 = c.build().apply(probe);
        probe.output(y0, "y");
        long[] yShape = shapeOf(probe, y0, c.inputs());
        float[] r = random(new Random(7), (int) product(yShape), 1f);

        Graph g = new Graph(c.name());
        Ops ops = new Ops(g);
        Value y = c.build().apply(g);
        Value weighted = ops.mul(y, g.constant(Tensor.floats(r, yShape)));
        long[] all = new long[yShape.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Value loss = ops.reduceSum(weighted, all, false);
        List<Value> wrt = g.inputs().stream().filter(v -> !c.fixed().contains(v.name())).toList();
        Map<Value, Value> grads = Autodiff.gradients(g, loss, wrt, rules);
        g.output(loss, "loss");
        for (Value w : wrt) {
            g.output(grads.get(w), "grad:" + w.name());
        }
        double worst = 0;
        try (OrtRunner runner = new OrtRunner(new Model(g))) {
            Map<String, float[]> at = runner.run(c.inputs());
            Random random = new Random(11);
            for (Value w : wrt) {
                In x = c.inputs().get(w.name());
                float[] d = random(random, x.data().length, 1f);
                double norm = Math.sqrt(dot(d, d));
                for (int i = 0; i < d.length; i++) {
                    d[i] /= (float) norm;
                }
                double analytic = dot(at.get("grad:" + w.name()), d);
                double best = Double.MAX_VALUE;
                for (double eps : EPSILONS) {
                    double plus = lossAt(runner, c.inputs(), w.name(), d, eps);
                    double minus = lossAt(runner, c.inputs(), w.name(), d, -eps);
                    double numeric = (plus - minus) / (2 * eps);
                    double scale = Math.max(Math.max(Math.abs(numeric), Math.abs(analytic)), 1e-3);
                    best = Math.min(best, Math.abs(numeric - analytic) / scale);
                }
                worst = Math.max(worst, best);
            }
        }
        return worst;
    }

    private static double lossAt(OrtRunner runner, Map<String, In> inputs, String name, float[] d, double eps)
            throws OrtException {
        Map<String, In> moved = new HashMap<>(inputs);
        In x = inputs.get(name);
        float[] v = x.data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (eps * d[i]);
        }
        moved.put(name, new In(v, x.shape()));
        return runner.run(moved).get("loss")[0];
    }

    private static long[] shapeOf(Graph probe, Value y, Map<String, In> inputs) throws OrtException {
        // Run the probe once and read the output shape from ONNX Runtime.
        try (var env = ai.onnxruntime.OrtEnvironment.getEnvironment().createSession(new Model(probe).toBytes())) {
            Map<String, ai.onnxruntime.OnnxTensor> t = new LinkedHashMap<>();
            for (var e : inputs.entrySet()) {
                t.put(e.getKey(), ai.onnxruntime.OnnxTensor.createTensor(ai.onnxruntime.OrtEnvironment.getEnvironment(),
                        java.nio.FloatBuffer.wrap(e.getValue().data()), e.getValue().shape()));
            }
            try (var result = env.run(t)) {
                return ((ai.onnxruntime.OnnxTensor) result.get(0)).getInfo().getShape();
            } finally {
                t.values().forEach(ai.onnxruntime.OnnxTensor::close);
            }
        }
    }

    static float[] random(Random random, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    /** Values of magnitude in [lo, hi) with random sign, keeping clear of kinks at zero. */
    static float[] awayFromZero(Random random, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (lo + random.nextFloat() * (hi - lo)) * (random.nextBoolean() ? 1 : -1);
        }
        return v;
    }

    static float[] positive(Random random, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + random.nextFloat() * (hi - lo);
        }
        return v;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }

    /** Declares an input of the given shape on the graph. */
    static Value in(Graph g, String name, long... shape) {
        Object[] dims = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return g.input(name, DataType.FLOAT, Shape.of(dims));
    }

    static List<Long> list(long... v) {
        List<Long> l = new ArrayList<>();
        for (long x : v) {
            l.add(x);
        }
        return l;
    }
}
