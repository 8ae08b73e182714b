package fluffy.onnx.nn;

import java.util.Arrays;

/**
 * A tensor a network owns: a trainable parameter or a buffer (e.g. batch-norm running statistics, which
 * training updates but gradients do not touch).
 *
 * @param decay whether weight decay applies (convolution weights yes, biases and norms no)
 */
public record ParameterSpec(String name, long[] shape, Init init, boolean trainable, boolean decay) {

    public long size() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape)
                && p.init.equals(init) && p.trainable == trainable && p.decay == decay;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
