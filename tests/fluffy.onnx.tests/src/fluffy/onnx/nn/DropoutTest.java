package fluffy.onnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.Ops;
import fluffy.onnx.OrtRunner;
import fluffy.onnx.OrtRunner.In;
import fluffy.onnx.Shape;
import fluffy.onnx.Tensor;
import fluffy.onnx.Value;
import fluffy.onnx.autodiff.Autodiff;
import fluffy.onnx.autodiff.GradientRules;

/** Inverted dropout: the right share is dropped, the rest is rescaled, and gradients flow only through kept units. */
class DropoutTest {

    private static final int N = 100 * 100;

    @Test
    void trainingDropsAShareAndGradientsFollowTheMask() throws Exception {
        Graph g = new Graph("dropout");
        Value x = g.input("x", DataType.FLOAT, Shape.of(1L, 1L, 100L, 100L));
        NetworkBuilder net = new NetworkBuilder(g, NetworkBuilder.Mode.TRAIN, null, 3);
        Value y = net.dropout(x, 0.3f);
        Ops o = new Ops(g);
        float[] r = new float[N];
        for (int i = 0; i < N; i++) {
            r[i] = (i % 7) - 3;
        }
        Value loss = o.reduceSum(o.mul(y, g.constant(Tensor.floats(r, 1, 1, 100, 100))), new long[] {0, 1, 2, 3}, false);
        Value grad = Autodiff.gradients(g, loss, List.of(x), GradientRules.standard()).get(x);
        g.output(y, "y");
        g.output(grad, "grad");
        float[] ones = new float[N];
        Arrays.fill(ones, 1f);
        Map<String, float[]> out = OrtRunner.runOnce(new Model(g), Map.of("x", new In(ones, 1, 1, 100, 100)));
        float[] kept = out.get("y");
        int dropped = 0;
        for (int i = 0; i < N; i++) {
            if (kept[i] == 0) {
                dropped++;
            } else {
                assertEquals(1 / 0.7f, kept[i], 1e-6);
            }
            assertEquals(kept[i] * r[i], out.get("grad")[i], 1e-5, "gradient at " + i);
        }
        assertTrue(Math.abs(dropped / (double) N - 0.3) < 0.03, "dropped share " + dropped / (double) N);
    }

    @Test
    void evaluationDoesNotDrop() {
        Graph g = new Graph("eval");
        Value x = g.input("x", DataType.FLOAT, Shape.of(1L, 1L, 4L, 4L));
        assertEquals(x, new NetworkBuilder(g, NetworkBuilder.Mode.EVAL, null, 3).dropout(x, 0.5f));
    }
}
