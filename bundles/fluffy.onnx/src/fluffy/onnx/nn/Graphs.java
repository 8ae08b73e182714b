package fluffy.onnx.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.Ops;
import fluffy.onnx.Shape;
import fluffy.onnx.Value;
import fluffy.onnx.autodiff.Autodiff;
import fluffy.onnx.autodiff.GradientRules;
import fluffy.onnx.optim.Optimizer;

/** Builds the three graphs of a network: training step, evaluation, and the exported model. */
public final class Graphs {

    private Graphs() {
    }

    /** A built graph with the parameter specs the network declared and its input/output names. */
    public record Built(Model model, List<ParameterSpec> specs, TrainingLayout layout) {
    }

    /**
     * One training step as one graph: forward pass in training mode, loss, gradients, optimizer update.
     * Inputs: image, target, learning rate, step (1-based, float), then every carried tensor; outputs:
     * the loss and the updated carried tensors.
     */
    public static Built training(NetworkDefinition net, Optimizer optimizer, GradientRules rules, long seed) {
        Graph g = new Graph("train");
        Ops ops = new Ops(g);
        Value image = g.input(TrainingLayout.IMAGE, DataType.FLOAT, Shape.of("N", net.inputChannels(), "H", "W"));
        Value target = g.input(TrainingLayout.TARGET, DataType.FLOAT, Shape.of("N", net.outputChannels(), "H", "W"));
        Value lr = g.input(TrainingLayout.LEARNING_RATE, DataType.FLOAT, Shape.scalar());
        Value step = g.input(TrainingLayout.STEP, DataType.FLOAT, Shape.scalar());
        NetworkBuilder nb = new NetworkBuilder(g, NetworkBuilder.Mode.TRAIN, null, seed);
        Value logits = net.forward(nb, image);
        Value loss = net.loss(ops, logits, target);

        List<ParameterSpec> trainable = nb.specs().stream().filter(ParameterSpec::trainable).toList();
        Map<String, Value> values = nb.values();
        Map<Value, Value> grads = Autodiff.gradients(g, loss, trainable.stream().map(s -> values.get(s.name())).toList(),
                rules);

        g.output(loss, TrainingLayout.LOSS);
        List<String> state = new ArrayList<>();
        try (Graph.Scope scope = g.scope("optimizer")) {
            Optimizer.Stepper stepper = optimizer.begin(ops, lr, step);
            for (ParameterSpec spec : trainable) {
                Value p = values.get(spec.name());
                List<Value> slots = new ArrayList<>();
                for (String slot : optimizer.slots()) {
                    String name = spec.name() + "/" + slot;
                    slots.add(g.input(name, DataType.FLOAT, p.shape()));
                    state.add(name);
                }
                Optimizer.Update update = stepper.update(p, grads.get(p), slots, spec.decay());
                g.output(update.parameter(), TrainingLayout.updated(spec.name()));
                for (int i = 0; i < slots.size(); i++) {
                    g.output(update.state().get(i), TrainingLayout.updated(slots.get(i).name()));
                }
            }
        }
        List<String> buffers = new ArrayList<>();
        nb.bufferUpdates().forEach((name, value) -> {
            g.output(value, TrainingLayout.updated(name));
            buffers.add(name);
        });
        List<String> params = trainable.stream().map(ParameterSpec::name).toList();
        return new Built(new Model(g), nb.specs(), new TrainingLayout(image.name(), target.name(), lr.name(),
                step.name(), TrainingLayout.LOSS, null, params, buffers, state));
    }

    /**
     * Validation: the forward pass in inference mode with the weights as inputs, giving probabilities
     * and the loss. It runs with the weights of an ongoing training, so no session is rebuilt per epoch.
     */
    public static Built evaluation(NetworkDefinition net) {
        Graph g = new Graph("evaluate");
        Ops ops = new Ops(g);
        Value image = g.input(TrainingLayout.IMAGE, DataType.FLOAT, Shape.of("N", net.inputChannels(), "H", "W"));
        Value target = g.input(TrainingLayout.TARGET, DataType.FLOAT, Shape.of("N", net.outputChannels(), "H", "W"));
        NetworkBuilder nb = new NetworkBuilder(g, NetworkBuilder.Mode.EVAL, null, 0);
        Value logits = net.forward(nb, image);
        g.output(net.activation(ops, logits), TrainingLayout.PROBABILITIES);
        g.output(net.loss(ops, logits, target), TrainingLayout.LOSS);
        List<String> params = nb.specs().stream().filter(ParameterSpec::trainable).map(ParameterSpec::name).toList();
        List<String> buffers = nb.specs().stream().filter(s -> !s.trainable()).map(ParameterSpec::name).toList();
        return new Built(new Model(g), nb.specs(), new TrainingLayout(image.name(), target.name(), null, null,
                TrainingLayout.LOSS, TrainingLayout.PROBABILITIES, params, buffers, List.of()));
    }

    /**
     * The batch statistics of every batch norm under the given weights: the forward pass with batch
     * statistics and no dropout, parameters as inputs. Outputs {@code <running buffer>/batch}, the batch's
     * estimate of each running buffer; the layout's buffers name them. Without batch norm it has no outputs
     * worth running and its layout lists no buffers.
     */
    public static Built statistics(NetworkDefinition net) {
        Graph g = new Graph("statistics");
        Value image = g.input(TrainingLayout.IMAGE, DataType.FLOAT, Shape.of("N", net.inputChannels(), "H", "W"));
        NetworkBuilder nb = new NetworkBuilder(g, NetworkBuilder.Mode.STATISTICS, null, 0);
        Value logits = net.forward(nb, image);
        List<String> buffers = new ArrayList<>();
        nb.batchStatistics().forEach((name, value) -> {
            g.output(value, TrainingLayout.batchEstimate(name));
            buffers.add(name);
        });
        if (buffers.isEmpty()) {
            g.output(logits, TrainingLayout.PROBABILITIES);
        }
        List<String> params = nb.specs().stream().filter(ParameterSpec::trainable).map(ParameterSpec::name).toList();
        return new Built(new Model(g), nb.specs(), new TrainingLayout(image.name(), null, null, null, null, null,
                params, buffers, List.of()));
    }

    /** The self-contained inference model: image in, probabilities out, weights stored inside. */
    public static Built export(NetworkDefinition net, Weights weights, Map<String, String> metadata) {
        Graph g = new Graph("fluffy");
        Ops ops = new Ops(g);
        Value image = g.input(TrainingLayout.IMAGE, DataType.FLOAT, Shape.of("N", net.inputChannels(), "H", "W"));
        NetworkBuilder nb = new NetworkBuilder(g, NetworkBuilder.Mode.EXPORT, weights, 0);
        g.output(net.activation(ops, net.forward(nb, image)), TrainingLayout.PROBABILITIES);
        return new Built(new Model(g, metadata, "Fluffy Workbench segmentation model"), nb.specs(),
                new TrainingLayout(image.name(), null, null, null, null, TrainingLayout.PROBABILITIES, List.of(),
                        List.of(), List.of()));
    }

    /** The parameter specs a network declares, without building anything else. */
    public static List<ParameterSpec> specs(NetworkDefinition net) {
        Graph g = new Graph("specs");
        NetworkBuilder nb = new NetworkBuilder(g, NetworkBuilder.Mode.EVAL, null, 0);
        net.forward(nb, g.input(TrainingLayout.IMAGE, DataType.FLOAT, Shape.of("N", net.inputChannels(), "H", "W")));
        return nb.specs();
    }
}
