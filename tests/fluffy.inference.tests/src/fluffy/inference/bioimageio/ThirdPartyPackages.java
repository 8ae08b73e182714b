package fluffy.inference.bioimageio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fluffy.onnx.DataType;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.Ops;
import fluffy.onnx.Shape;
import fluffy.onnx.Tensor;
import fluffy.onnx.Value;

/**
 * Packages as other tools make them, written by the tests: small real ONNX networks built here (not by
 * Fluffy's model types) in layouts Fluffy's own export never uses, with their descriptions.
 */
final class ThirdPartyPackages {

    /** The logit gain of the smoothing network: its foreground is where the 3x3 sum of the input is positive. */
    static final float GAIN = 10f / 9;

    private ThirdPartyPackages() {
    }

    /**
     * Channels last, [b, y, x, c]: transposed to [b, c, y, x], a 3x3 box filter times {@link #GAIN} (zero padding),
     * transposed back. Its output is a foreground logit; the description's sigmoid makes it a probability.
     */
    static byte[] smoothingNetworkChannelsLast() {
        Graph g = new Graph("box3_channels_last");
        Ops ops = new Ops(g);
        Value x = g.input("input0", DataType.FLOAT, Shape.of("b", "h", "w", 1));
        Value nchw = ops.transpose(x, 0, 3, 1, 2);
        float[] w = new float[9];
        java.util.Arrays.fill(w, GAIN);
        Value kernel = g.initializer("kernel", Tensor.floats(w, 1, 1, 3, 3));
        Value conv = ops.conv(nchw, kernel, null, 1, 1);
        g.output(ops.transpose(conv, 0, 2, 3, 1), "output0");
        return new Model(g).toBytes();
    }

    /** No batch axis, [c, y, x]: 1 where the input exceeds 0.5, as int32 (a label image of one object). */
    static byte[] thresholdNetworkWithoutBatch() {
        Graph g = new Graph("threshold_cyx");
        Ops ops = new Ops(g);
        Value x = g.input("raw", DataType.FLOAT, Shape.of(1, "h", "w"));
        g.output(ops.cast(ops.greater(x, g.scalar(0.5f)), DataType.INT32), "labels");
        return new Model(g).toBytes();
    }

    /** A 0.4 description of {@link #smoothingNetworkChannelsLast}: byxc, per-sample standardisation, sigmoid. */
    static String smoothingRdf04(String sha256) {
        return """
                format_version: 0.4.10
                type: model
                name: box filter, channels last
                description: a test package in the 0.4 layout
                authors: [{name: a test}]
                cite: [{text: none, doi: 10.1000/none}]
                license: MIT
                documentation: README.md
                tags: [test]
                timestamp: "2026-12-03T00:00:00"
                inputs:
                  - name: input0
                    axes: byxc
                    data_type: float32
                    data_range: [-.inf, .inf]
                    shape:
                      min: [1, 32, 32, 1]
                      step: [0, 16, 16, 0]
                    preprocessing:
                      - name: zero_mean_unit_variance
                        kwargs: {mode: per_sample, axes: yx, eps: 1.0e-6}
                outputs:
                  - name: output0
                    axes: byxc
                    data_type: float32
                    data_range: [0, 1]
                    shape:
                      reference_tensor: input0
                      scale: [1, 1, 1, 1]
                      offset: [0, 0, 0, 0]
                    halo: [0, 8, 8, 0]
                    postprocessing:
                      - name: sigmoid
                weights:
                  onnx:
                    source: weights.onnx
                    sha256: %s
                    opset_version: 17
                """.formatted(sha256);
    }

    /** A 0.5 description of {@link #thresholdNetworkWithoutBatch}: cyx, scale_range to 0..1, an int32 output. */
    static String thresholdRdf05(String sha256) {
        return """
                format_version: 0.5.4
                type: model
                name: threshold, label image
                description: a test package in the 0.5 layout
                authors: [{name: a test}]
                cite: [{text: none, doi: 10.1000/none}]
                license: MIT
                documentation: README.md
                inputs:
                  - id: raw
                    axes:
                      - type: channel
                        channel_names: [dapi]
                      - {type: space, id: y, size: {min: 16, step: 8}}
                      - {type: space, id: x, size: {min: 16, step: 8}}
                    data: {type: float32}
                    preprocessing:
                      - id: scale_range
                        kwargs: {axes: [y, x], min_percentile: 0, max_percentile: 100}
                outputs:
                  - id: labels
                    axes:
                      - {type: channel, channel_names: [labels]}
                      - {type: space, id: y, size: {tensor_id: raw, axis_id: y}}
                      - {type: space, id: x, size: {tensor_id: raw, axis_id: x}}
                    data: {type: int32}
                weights:
                  onnx: {source: net.onnx, sha256: %s, opset_version: 17}
                """.formatted(sha256);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** An unpacked package: the files in {@code folder}, and the path of its rdf.yaml. */
    static Path folder(Path folder, String rdf, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(folder.resolve(f.getKey()), f.getValue());
        }
        return Files.writeString(folder.resolve("rdf.yaml"), rdf);
    }

    /** A zipped package. */
    static Path zip(Path target, String rdf, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("rdf.yaml"));
            zip.write(rdf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return target;
    }
}
