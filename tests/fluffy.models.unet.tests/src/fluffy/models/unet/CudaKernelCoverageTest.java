package fluffy.models.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.Graph;
import fluffy.onnx.Node;
import fluffy.onnx.autodiff.GradientRules;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.optim.Optimizer;

/**
 * Every op of the training, evaluation and exported graphs has a float kernel in ONNX Runtime's CUDA
 * execution provider at the opset we write ({@value Graph#OPSET}), so training runs on the GPU without
 * falling back to the CPU per op. No GPU is attached to our machines, so the list is taken from ORT's
 * documentation: docs/OperatorKernels.md, section CUDAExecutionProvider, domain ai.onnx, of
 * microsoft/onnxruntime at commit 001d12d2623fd411ce0f83d05abb5e82304a3389; each entry is the version range listed there that
 * contains opset 17 and accepts tensor(float) (Not takes bool only, which is what we feed it).
 */
class CudaKernelCoverageTest {

    static final Map<String, String> CUDA_KERNELS_AT_OPSET_17 = Map.ofEntries(
            Map.entry("Add", "14+"),
            Map.entry("Sub", "14+"),
            Map.entry("Mul", "14+"),
            Map.entry("Div", "14+"),
            Map.entry("Pow", "15+"),
            Map.entry("Neg", "13+"),
            Map.entry("Identity", "[14, 18]"),
            Map.entry("Sum", "13+"),
            Map.entry("Where", "16+"),
            Map.entry("Relu", "14+"),
            Map.entry("Sigmoid", "13+"),
            Map.entry("Softplus", "1+"),
            Map.entry("Exp", "13+"),
            Map.entry("Log", "13+"),
            Map.entry("Sqrt", "13+"),
            Map.entry("Reciprocal", "13+"),
            Map.entry("LogSoftmax", "13+"),
            Map.entry("Softmax", "13+"),
            Map.entry("ReduceMean", "[1, 17]"),
            Map.entry("ReduceSum", "13+"),
            Map.entry("Concat", "13+"),
            Map.entry("Split", "[13, 17]"),
            Map.entry("Reshape", "[14, 18]"),
            Map.entry("Unsqueeze", "[13, 20]"),
            Map.entry("Squeeze", "[13, 20]"),
            Map.entry("Transpose", "[13, 20]"),
            Map.entry("MaxPool", "12+"),
            Map.entry("SpaceToDepth", "13+"),
            Map.entry("Conv", "[11, 21]"),
            Map.entry("ConvTranspose", "11+"),
            Map.entry("Gemm", "13+"),
            Map.entry("MatMul", "13+"),
            Map.entry("Slice", "13+"),
            Map.entry("Pad", "[13, 17]"),
            Map.entry("Gather", "13+"),
            Map.entry("ConstantOfShape", "9+"),
            Map.entry("ScatterElements", "[16, 17]"),
            Map.entry("Shape", "[15, 18]"),
            Map.entry("Size", "13+"),
            Map.entry("Cast", "[13, 18]"),
            Map.entry("Greater", "13+"),
            Map.entry("Less", "13+"),
            Map.entry("Equal", "13+"),
            Map.entry("Not", "1+"),
            Map.entry("RandomUniformLike", "1+"),
            Map.entry("BatchNormalization", "15+"),
            Map.entry("Expand", "13+"),
            Map.entry("Tile", "13+"),
            Map.entry("ReduceMax", "[1, 17]"),
            Map.entry("Clip", "13+"),
            Map.entry("Tanh", "13+"),
            Map.entry("Abs", "13+"),
            Map.entry("Max", "13+"),
            Map.entry("Min", "13+"));

    @Test
    void everyOpOfEveryGraphHasACudaKernel() {
        assertEquals(17, Graph.OPSET, "the kernel list above was taken for opset 17");
        Set<String> missing = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (ModelType type : new ModelType[] {new BinaryUNet(), new CategoricalUNet()}) {
            HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(), Map.of("dropout", 0.2));
            var net = type.network(values, 1);
            for (String optimizer : new String[] {"adam", "adamw", "rmsprop", "sgd"}) {
                collect(Graphs.training(net, Optimizer.of(optimizer), GradientRules.standard(), 1).model().graph(), used);
            }
            collect(Graphs.evaluation(net).model().graph(), used);
            collect(Graphs.export(net, fluffy.onnx.nn.Weights.initialize(Graphs.specs(net), 1), Map.of()).model().graph(),
                    used);
        }
        for (String op : used) {
            if (!CUDA_KERNELS_AT_OPSET_17.containsKey(op)) {
                missing.add(op);
            }
        }
        System.out.println("ops used by the U-Net graphs: " + used);
        assertEquals(Set.of(), missing, "ops without a CUDA kernel at opset 17");
    }

    private static void collect(Graph g, Set<String> ops) {
        for (Node n : g.nodes()) {
            ops.add(n.opType());
        }
    }
}
