package fluffy.onnx.nn;

import java.util.Arrays;
import java.util.Random;

/** How a parameter starts before training. */
public sealed interface Init {

    /** He normal, for weights followed by ReLU: N(0, 2 / fanIn). */
    record He(long fanIn) implements Init {
    }

    record Constant(float value) implements Init {
    }

    Init ZEROS = new Constant(0f);
    Init ONES = new Constant(1f);

    default float[] values(long count, Random random) {
        float[] v = new float[Math.toIntExact(count)];
        switch (this) {
            case He he -> {
                double std = Math.sqrt(2.0 / he.fanIn());
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (random.nextGaussian() * std);
                }
            }
            case Constant c -> Arrays.fill(v, c.value());
        }
        return v;
    }
}
