package fluffy.inference.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import fluffy.inference.TinyModelAccess;

/**
 * The bioimage.io package holds what format 0.5 requires, its checksums are right, and its test output
 * is what a fresh ONNX Runtime session computes from its test input after the declared preprocessing,
 * read back from the zip with a parser written here, independent of the exporter.
 */
class BioImageIoPackageTest {

    @Test
    void thePackageHasTheRequiredFieldsAndItsTestTensorsReproduce(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("model.zip");
        BioImageIoPackage.write(TinyModelAccess.model(), zip);
        Map<String, byte[]> files = unzip(zip);
        String rdf = new String(files.get("rdf.yaml"), StandardCharsets.UTF_8);

        assertTrue(rdf.matches("(?s)format_version: 0\\.5\\.\\d+\n.*"), rdf);
        assertTrue(rdf.contains("\ntype: model\n"), rdf);
        String name = value(rdf, "name").replace("\"", "");
        assertTrue(name.length() >= 5 && name.length() <= 128, name);
        for (String key : new String[] {"description", "license", "documentation", "timestamp"}) {
            assertTrue(!value(rdf, key).isBlank(), key);
        }
        assertTrue(rdf.contains("authors:\n  - name: "), rdf);
        assertTrue(rdf.contains("cite:\n  - text: "), rdf);
        assertTrue(rdf.contains("inputs:\n  - id: raw\n"), rdf);
        assertTrue(rdf.contains("outputs:\n  - id: probabilities\n"), rdf);
        assertTrue(rdf.contains("channel_names: [\"background\", \"object\", \"border\"]"), rdf);
        assertTrue(rdf.contains("size: {tensor_id: raw, axis_id: y}"), rdf);
        assertTrue(Pattern.compile("size: \\{min: \\d+, step: 4}").matcher(rdf).find(), rdf);
        assertTrue(rdf.matches("(?s).*weights:\n  onnx:\n    source: weights.onnx\n    sha256: [0-9a-f]{64}\n"
                + "    opset_version: \\d+\n.*"), rdf);
        for (String file : new String[] {"weights.onnx", "test_input.npy", "test_output.npy"}) {
            Matcher m = Pattern.compile("source: " + Pattern.quote(file) + "\n\\s+sha256: ([0-9a-f]{64})").matcher(rdf);
            assertTrue(m.find(), file);
            assertEquals(m.group(1), sha256(files.get(file)), "checksum of " + file);
        }
        assertTrue(files.containsKey(value(rdf, "documentation")));
        assertTrue(files.containsKey("cover.png"));
        assertEquals(1.0, Double.parseDouble(value(rdf, "min_percentile")));
        assertEquals(99.8, Double.parseDouble(value(rdf, "max_percentile")));

        float[][] input = new float[1][];
        long[] inShape = readNpy(files.get("test_input.npy"), input);
        float[][] expected = new float[1][];
        long[] outShape = readNpy(files.get("test_output.npy"), expected);
        assertArrayEquals(new long[] {1, 1, 256, 256}, inShape);
        assertArrayEquals(new long[] {1, 3, 256, 256}, outShape);
        float[] x = scaleRange(input[0], 1.0, 99.8, Double.parseDouble(value(rdf, "eps")));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(files.get("weights.onnx"), new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), inShape);
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            FloatBuffer y = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float maxDiff = 0;
            for (int i = 0; i < expected[0].length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(y.get(i) - expected[0][i]));
            }
            assertTrue(maxDiff < 1e-4, "test output differs by " + maxDiff);
        }
    }

    private static String value(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + ": (.+)$").matcher(yaml);
        assertTrue(m.find(), "no " + key + " in rdf.yaml");
        return m.group(1).trim();
    }

    /** scale_range as bioimage.io defines it, with numpy's linear-interpolation percentiles. */
    private static float[] scaleRange(float[] v, double low, double high, double eps) {
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        double lo = percentile(sorted, low);
        double hi = percentile(sorted, high);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - lo) / (hi - lo + eps));
        }
        return out;
    }

    private static double percentile(float[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
    }

    /** A minimal .npy reader for little-endian float32 in C order. */
    private static long[] readNpy(byte[] bytes, float[][] out) {
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = b.getShort(8) & 0xffff;
        assertEquals(0, (10 + headerLength) % 64, "header padded to 64 bytes");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<f4'") && header.contains("'fortran_order': False"), header);
        Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
        assertTrue(m.find(), header);
        long[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        b.position(10 + headerLength);
        out[0] = new float[(bytes.length - 10 - headerLength) / 4];
        b.asFloatBuffer().get(out[0]);
        assertEquals(Arrays.stream(shape).reduce(1, (p, q) -> p * q), out[0].length);
        return shape;
    }

    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
