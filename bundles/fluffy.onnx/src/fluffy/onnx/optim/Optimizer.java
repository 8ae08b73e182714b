package fluffy.onnx.optim;

import java.util.List;

import fluffy.onnx.Ops;
import fluffy.onnx.Value;

/**
 * An optimizer written into the training graph. The learning rate and the 1-based step number are graph
 * inputs, so a schedule changes nothing but the numbers fed to each step. Each parameter carries the
 * optimizer's state {@link #slots() slots} (e.g. Adam's first and second moments) in and out of a step.
 */
public sealed interface Optimizer permits Adam, AdamW, RmsProp, Sgd {

    /** Short id used in run records and the CLI: adam, adamw, rmsprop, sgd. */
    String id();

    /** Names of the per-parameter state tensors, each shaped like the parameter and starting at zero. */
    List<String> slots();

    /** Emits what all parameter updates share (e.g. bias corrections), once per graph. */
    Stepper begin(Ops ops, Value learningRate, Value step);

    /** Emits the update of one parameter. */
    interface Stepper {
        /**
         * @param decay whether weight decay applies (weights yes; biases and normalisation parameters no)
         */
        Update update(Value parameter, Value gradient, List<Value> state, boolean decay);
    }

    /** The new parameter value and new state, in slot order. */
    record Update(Value parameter, List<Value> state) {
    }

    /** The optimizer for an id with default settings. */
    static Optimizer of(String id) {
        return switch (id) {
            case "adam" -> new Adam(0.9f, 0.999f, 1e-7f);
            case "adamw" -> new AdamW(0.9f, 0.999f, 1e-7f, 1e-4f);
            case "rmsprop" -> new RmsProp(0.9f, 1e-7f);
            case "sgd" -> new Sgd(0.9f);
            default -> throw new IllegalArgumentException("unknown optimizer '" + id
                    + "'; choose adam, adamw, rmsprop or sgd");
        };
    }
}
