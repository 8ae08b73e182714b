package fluffy.onnx.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.Ops;
import fluffy.onnx.OrtRunner;
import fluffy.onnx.OrtRunner.In;
import fluffy.onnx.Shape;
import fluffy.onnx.Value;

/**
 * Each optimizer's in-graph update, run for three steps on ONNX Runtime with given gradients, against the
 * textbook update computed in Java (double precision).
 */
class OptimizerTest {

    private static final float LR = 0.01f;

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adamw", "rmsprop", "sgd"})
    void inGraphUpdateMatchesTheTextbook(String id) throws Exception {
        Optimizer optimizer = Optimizer.of(id);
        Graph g = new Graph(id);
        Ops o = new Ops(g);
        Value p = g.input("p", DataType.FLOAT, Shape.of(3L));
        Value grad = g.input("g", DataType.FLOAT, Shape.of(3L));
        Value lr = g.input("lr", DataType.FLOAT, Shape.scalar());
        Value step = g.input("step", DataType.FLOAT, Shape.scalar());
        List<Value> slots = new ArrayList<>();
        for (String s : optimizer.slots()) {
            slots.add(g.input(s, DataType.FLOAT, Shape.of(3L)));
        }
        Optimizer.Update u = optimizer.begin(o, lr, step).update(p, grad, slots, true);
        g.output(u.parameter(), "p_new");
        for (int i = 0; i < slots.size(); i++) {
            g.output(u.state().get(i), optimizer.slots().get(i) + "_new");
        }
        float[] param = {0.5f, -1f, 2f};
        float[][] gradients = {{0.1f, -0.2f, 0.3f}, {0.05f, 0.1f, -0.4f}, {-0.3f, 0.2f, 0.1f}};
        double[] expected = {0.5, -1, 2};
        double[][] state = new double[optimizer.slots().size()][3];
        Map<String, float[]> slotValues = new HashMap<>();
        optimizer.slots().forEach(s -> slotValues.put(s, new float[3]));
        try (OrtRunner runner = new OrtRunner(new Model(g))) {
            for (int t = 1; t <= 3; t++) {
                Map<String, In> in = new HashMap<>();
                in.put("p", new In(param, 3));
                in.put("g", new In(gradients[t - 1], 3));
                in.put("lr", new In(new float[] {LR}));
                in.put("step", new In(new float[] {t}));
                slotValues.forEach((s, v) -> in.put(s, new In(v, 3)));
                Map<String, float[]> out = runner.run(in);
                param = out.get("p_new");
                for (String s : optimizer.slots()) {
                    slotValues.put(s, out.get(s + "_new"));
                }
                reference(optimizer, expected, gradients[t - 1], state, t);
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], param[i], 1e-6, id + " parameter " + i);
        }
    }

    private static void reference(Optimizer optimizer, double[] p, float[] g, double[][] s, int t) {
        for (int i = 0; i < p.length; i++) {
            switch (optimizer) {
                case Adam a -> p[i] -= adamStep(a.beta1(), a.beta2(), a.epsilon(), g[i], s, i, t);
                case AdamW a -> {
                    p[i] -= LR * a.weightDecay() * p[i];
                    p[i] -= adamStep(a.beta1(), a.beta2(), a.epsilon(), g[i], s, i, t);
                }
                case RmsProp r -> {
                    s[0][i] = r.rho() * s[0][i] + (1 - r.rho()) * g[i] * g[i];
                    p[i] -= LR * g[i] / (Math.sqrt(s[0][i]) + r.epsilon());
                }
                case Sgd sgd -> {
                    s[0][i] = sgd.momentum() * s[0][i] + g[i];
                    p[i] -= LR * s[0][i];
                }
            }
        }
    }

    private static double adamStep(double b1, double b2, double eps, double g, double[][] s, int i, int t) {
        s[0][i] = b1 * s[0][i] + (1 - b1) * g;
        s[1][i] = b2 * s[1][i] + (1 - b2) * g * g;
        double rate = LR * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        return rate * s[0][i] / (Math.sqrt(s[1][i]) + eps);
    }
}
