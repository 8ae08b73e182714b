package fluffy.inference.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.FluffyModel;
import fluffy.core.files.AtomicFiles;
import fluffy.onnx.ModelFile;
import fluffy.runtime.session.InferenceSession;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.SessionSettings;

/**
 * A bioimage.io model package (RDF format 0.5.7, that of the spec's published JSON schema): a zip of
 * {@code rdf.yaml}, the ONNX weights, a test input and the model's output for it as {@code .npy},
 * documentation and a cover image. The model's
 * percentile normalisation is declared as the {@code scale_range} preprocessing with the same percentiles,
 * so zoo tools feed the network what it was trained on; the test output is computed exactly that way.
 */
public final class BioImageIoPackage {

    public static final String FORMAT_VERSION = "0.5.7";
    /** scale_range's default epsilon, added to the percentile range by bioimage.io tools. */
    static final double EPSILON = 1e-6;
    static final int TEST_SIZE = 256;

    private BioImageIoPackage() {
    }

    /** Writes the package to {@code target} (a .zip), atomically. */
    public static void write(FluffyModel model, Path target) throws IOException, SessionException {
        List<Plane> planes = testImage(model.inputChannels());
        Plane sample = planes.get(0);
        int channels = planes.size();
        int n = TEST_SIZE * TEST_SIZE;
        float[] raw = new float[channels * n];
        float[] input = new float[channels * n];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(planes.get(c).data(), 0, raw, c * n, n);
            // scale_range over y and x: each channel by its own percentiles, as prediction normalises it.
            System.arraycopy(preprocess(model.normalization(), planes.get(c).data()), 0, input, c * n, n);
        }
        float[] output;
        try (InferenceSession session = new InferenceSession(model.onnx(), SessionSettings.cpu())) {
            output = session.predict(input, 1, channels, TEST_SIZE, TEST_SIZE).values();
        }
        int classes = model.classes().size();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("weights.onnx", model.onnx());
        files.put("test_input.npy", Npy.float32(raw, new long[] {1, channels, TEST_SIZE, TEST_SIZE}));
        files.put("test_output.npy", Npy.float32(output, new long[] {1, classes, TEST_SIZE, TEST_SIZE}));
        files.put("README.md", RdfText.documentation(model).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put("cover.png", Cover.png(sample, output, classes, model));
        long opset = ModelFile.parse(model.onnx()).opset();
        String rdf = RdfText.yaml(model, sha256(files), opset, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        AtomicFiles.write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, "rdf.yaml", rdf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    put(zip, f.getKey(), f.getValue());
                }
            }
        });
    }

    /**
     * The test input: synthetic nuclei for a one-channel model; for more channels, synthetic cells (cytoplasm,
     * nuclei), repeated for a model of more than two.
     */
    static List<Plane> testImage(int channels) {
        if (channels == 1) {
            return List.of(new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(TEST_SIZE, TEST_SIZE)).generate(2020)
                    .image());
        }
        List<Plane> cells = new fluffy.core.synthetic.SyntheticCells(TEST_SIZE, TEST_SIZE, 16).generate(2020).channels();
        return java.util.stream.IntStream.range(0, channels).mapToObj(c -> cells.get(c % cells.size())).toList();
    }

    /** bioimage.io's scale_range over the whole sample: (x - p_low) / (p_high - p_low + eps). */
    static float[] preprocess(Normalization normalization, float[] raw) {
        Normalization.Scaling s = normalization.scaling(raw);
        double range = 1 / s.scale();
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (float) ((raw[i] - s.offset()) / (range + EPSILON));
        }
        return out;
    }

    private static Map<String, String> sha256(Map<String, byte[]> files) {
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sums.put(f.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.getValue())));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        return sums;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
