package fluffy.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import fluffy.onnx.OrtRunner.In;

class ModelIoTest {

    @Test
    void writtenModelsRunInOnnxRuntimeAndReadBack() throws Exception {
        Graph g = new Graph("affine");
        Ops o = new Ops(g);
        Value x = g.input("x", DataType.FLOAT, Shape.of("N", 3L));
        Value w = g.initializer("layer/w", Tensor.floats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        Value y = o.add(o.one("MatMul", java.util.List.of(x, w), Map.of(), DataType.FLOAT, Shape.of("N", 2L)),
                g.scalar(0.5f));
        g.output(y, "y");
        Model model = new Model(g, Map.of("fluffy.model_type", "test", "note", "ünïcode"), "doc");
        byte[] bytes = model.toBytes();

        float[] out = OrtRunner.runOnce(model, Map.of("x", new In(new float[] {1, 0, 1}, 1, 3))).get("y");
        assertArrayEquals(new float[] {1 + 5 + 0.5f, 2 + 6 + 0.5f}, out);
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(bytes)) {
            assertEquals("ünïcode", s.getMetadata().getCustomMetadata().get("note"));
            assertEquals(Model.PRODUCER, s.getMetadata().getProducerName());
        }

        ModelFile read = ModelFile.parse(bytes);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, read.initializers().get("layer/w").toFloats());
        assertArrayEquals(new long[] {3, 2}, read.initializers().get("layer/w").dims());
        assertEquals("test", read.metadata().get("fluffy.model_type"));
        assertEquals(Graph.OPSET, read.opset());
    }

    @Test
    void equalConstantsAreStoredOnceAndNamesStayUnique() {
        Graph g = new Graph("g");
        assertSame(g.scalar(2f), g.scalar(2f));
        assertNotEquals(g.scalar(2f), g.scalar(3f));
        Ops o = new Ops(g);
        Value x = g.input("x", DataType.FLOAT, Shape.of(2L));
        Value a;
        Value b;
        try (Graph.Scope s = g.scope("block")) {
            a = o.relu(x);
            b = o.relu(x);
        }
        assertNotEquals(a.name(), b.name());
        assertEquals(true, a.name().startsWith("block/"), a.name());
    }

    @Test
    void garbageIsNotAModel() {
        IOException e = assertThrows(IOException.class, () -> ModelFile.parse(new byte[] {1, 2, 3, 4, 5}));
        assertEquals(true, e.getMessage() != null && !e.getMessage().isBlank());
    }
}
