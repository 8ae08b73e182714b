package org.example.fluffy.shallow;

import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.morphology.Components;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.Ops;
import fluffy.onnx.Value;
import fluffy.onnx.nn.NetworkBuilder;
import fluffy.onnx.nn.NetworkDefinition;

/**
 * A third-party model type: a shallow fully-convolutional network (a few 3x3 convolutions, no pooling)
 * for small, well-separated objects. It exists to show that a bundle outside Fluffy adds a model type
 * through {@code fluffy.models.modelTypes} with nothing but the public API.
 */
public final class ShallowFcn implements ModelType {

    @Override
    public String id() {
        return "org.example.shallow";
    }

    @Override
    public String name() {
        return "Shallow FCN (example)";
    }

    @Override
    public String description() {
        return "A few 3x3 convolutions without pooling; quick to train on small, well-separated objects.";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.integer("layers", "Hidden 3x3 convolution layers", 1, 6, 3),
                Hyperparameter.integer("width", "Channels per hidden layer", 2, 32, 8));
    }

    @Override
    public List<String> classes(HyperparameterValues values) {
        return List.of("object");
    }

    @Override
    public NetworkDefinition network(HyperparameterValues values, int inputChannels) {
        int layers = values.integer("layers");
        int width = values.integer("width");
        return new NetworkDefinition() {
            @Override
            public int inputChannels() {
                return inputChannels;
            }

            @Override
            public int outputChannels() {
                return 1;
            }

            @Override
            public int sizeMultiple() {
                return 1;
            }

            @Override
            public Value forward(NetworkBuilder net, Value image) {
                Value x = image;
                for (int i = 0; i < layers; i++) {
                    x = net.ops().relu(net.conv("hidden" + i, x, width, 3));
                }
                return net.conv("out", x, 1, 1);
            }

            @Override
            public Value loss(Ops ops, Value logits, Value targets) {
                // Binary cross-entropy on logits: mean(softplus(z) - t*z).
                return ops.reduceMean(ops.sub(ops.softplus(logits), ops.mul(targets, logits)), new long[] {0, 1, 2, 3},
                        false);
            }

            @Override
            public Value activation(Ops ops, Value logits) {
                return ops.sigmoid(logits);
            }
        };
    }

    @Override
    public float[] targets(LabelMap labels, HyperparameterValues values) {
        float[] t = new float[labels.labels().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = labels.labels()[i] != 0 ? 1 : 0;
        }
        return t;
    }

    @Override
    public LabelMap labelMap(float[] probabilities, int width, int height, HyperparameterValues values) {
        boolean[] mask = new boolean[width * height];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = probabilities[i] > 0.5f;
        }
        return Components.label(mask, width, height);
    }
}
