package fluffy.models.unet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Normalization;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.ModelFile;
import fluffy.onnx.Tensor;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.Weights;

/**
 * A model file is as untrusted as any image: what it declares (external weight files, tensor sizes,
 * metadata) is checked before anything is opened or allocated, and the refusal names the file and why.
 */
class UntrustedModelFileTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.0));

    @Test
    void weightsInAnExternalFileAreNeverOpened(@TempDir Path dir) throws Exception {
        // ModelProto { graph { initializer { dims 1, FLOAT, name "w", external_data {location ../../secret},
        // data_location EXTERNAL } }, metadata_props { fluffy.model_type } }
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "1234");
        byte[] entry = concat(string(1, "location"), string(2, "../../secret"));
        byte[] tensor = concat(varint(1, 1), varint(2, 1), string(8, "w"), bytes(13, entry), varint(14, 1));
        byte[] graph = bytes(5, tensor);
        byte[] meta = concat(string(1, ModelPackage.TYPE), string(2, type.id()));
        Path file = dir.resolve("a/b/model.onnx");
        Files.createDirectories(file.getParent());
        Files.write(file, concat(bytes(7, graph), bytes(14, meta)));
        IOException e = assertThrows(IOException.class, () -> ModelPackage.read(file, id -> type));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("initializer w keeps its data in an external file ('../../secret')"),
                e.getMessage());
        assertTrue(e.getMessage().contains("never opened"), e.getMessage());
    }

    @Test
    void tensorDimensionsWhoseProductWrapsAroundAreRefused() {
        // 2^32 x 2^32 floats: the product of the dims overflows a long to 0, which would match 0 bytes.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Tensor(DataType.FLOAT, new long[] {1L << 32, 1L << 32}, new byte[0]));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void aTensorLargerThanItsBytesIsRefusedBeforeAllocation(@TempDir Path dir) throws Exception {
        byte[] tensor = concat(varint(1, 1_000_000_000), varint(2, 1), string(8, "w"), bytes(9, new byte[4]));
        Path file = dir.resolve("model.onnx");
        Files.write(file, concat(bytes(7, bytes(5, tensor)), bytes(14, concat(string(1, ModelPackage.TYPE),
                string(2, type.id())))));
        IOException e = assertThrows(IOException.class, () -> ModelPackage.read(file, id -> type));
        assertTrue(e.getMessage().contains("needs 4000000000 bytes, got 4"), e.getMessage());
    }

    @Test
    void absurdInputChannelsInTheMetadataAreRefused(@TempDir Path dir) throws Exception {
        Graph g = new Graph("g");
        g.initializer("w", Tensor.floats(new float[] {1}, 1));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelPackage.TYPE, type.id());
        meta.put(ModelPackage.HYPERPARAMETERS, values.encode());
        meta.put(ModelPackage.INPUT_CHANNELS, "1000000000");
        Path file = dir.resolve("model.onnx");
        Files.write(file, new Model(g, meta, "").toBytes());
        IOException e = assertThrows(IOException.class, () -> ModelPackage.read(file, id -> type));
        assertTrue(e.getMessage().contains(ModelPackage.INPUT_CHANNELS + " is 1000000000, outside 1..64"),
                e.getMessage());
    }

    @Test
    void weightsOfAnotherShapeThanTheMetadataSayAreNamed(@TempDir Path dir) throws Exception {
        Path good = goodModel(dir);
        ModelFile parsed = ModelFile.parse(Files.readAllBytes(good));
        // The same weights, the first one flattened: as many numbers, another shape.
        Graph g = new Graph("g");
        boolean first = true;
        String flattened = null;
        for (Map.Entry<String, Tensor> t : parsed.initializers().entrySet()) {
            Tensor w = t.getValue();
            if (first && w.dims().length > 1) {
                w = new Tensor(w.type(), new long[] {w.elementCount()}, w.raw());
                flattened = t.getKey();
                first = false;
            }
            g.initializer(t.getKey(), w);
        }
        Path bad = dir.resolve("bad.onnx");
        Files.write(bad, new Model(g, parsed.metadata(), "").toBytes());
        IOException e = assertThrows(IOException.class, () -> ModelPackage.read(bad, id -> type));
        assertTrue(e.getMessage().contains("the weights '" + flattened + "' are ["), e.getMessage());
        assertTrue(e.getMessage().contains("but its metadata describe a network that needs"), e.getMessage());
    }

    @Test
    void aTruncatedModelIsNamedAsDamaged(@TempDir Path dir) throws Exception {
        Path good = goodModel(dir);
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.onnx");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        IOException e = assertThrows(IOException.class, () -> ModelPackage.read(cut, id -> type));
        assertTrue(e.getMessage().startsWith(cut + ": not an ONNX model file, or a damaged one"), e.getMessage());
    }

    /** A well-formed Fluffy model (zero weights) to damage. */
    private Path goodModel(Path dir) throws IOException {
        Weights weights = new Weights();
        for (var spec : Graphs.specs(type.network(values, 1))) {
            weights.put(spec.name(), spec.shape(), new float[(int) spec.size()]);
        }
        Path good = dir.resolve("good.onnx");
        new ModelPackage(type, values, 1, Normalization.DEFAULT, weights, Map.of(), null).write(good);
        return good;
    }

    // Protocol-buffer wire format, enough to write what Fluffy's own writer never would.

    private static byte[] varint(int field, long value) {
        return concat(rawVarint((long) field << 3), rawVarint(value));
    }

    private static byte[] string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int field, byte[] value) {
        return concat(rawVarint((long) field << 3 | 2), rawVarint(value.length), value);
    }

    private static byte[] rawVarint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
