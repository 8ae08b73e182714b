package fluffy.inference.export;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fluffy.inference.FluffyModel;

/** The texts of a bioimage.io package: {@code rdf.yaml} and the documentation it points to. */
final class RdfText {

    private RdfText() {
    }

    static String yaml(FluffyModel model, Map<String, String> sha256, long opset, Instant timestamp) {
        int step = model.sizeMultiple();
        int min = Math.max(64, step);
        String classes = model.classes().stream().map(RdfText::quoted).collect(Collectors.joining(", "));
        String type = model.type().id();
        return """
                format_version: %s
                type: model
                name: %s
                description: %s
                authors:
                  - name: Fluffy Workbench
                cite:
                  - text: "Ronneberger, Fischer and Brox. U-Net: Convolutional networks for biomedical image segmentation. MICCAI 2015."
                    doi: 10.1007/978-3-319-24574-4_28
                  - text: "Fluffy: deep-learning segmentation of microscopy images (the original Python tool this product succeeds)."
                    url: https://github.com/bbquercus/fluffy
                license: MIT
                documentation: README.md
                covers:
                  - cover.png
                tags: [fluffy, unet, segmentation, 2d, fluorescence-light-microscopy, onnx]
                timestamp: "%s"
                inputs:
                  - id: raw
                    description: %s, raw intensities (any bit depth)
                    axes:
                      - type: batch
                      - type: channel
                        channel_names: [%s]
                      - type: space
                        id: y
                        size: {min: %d, step: %d}
                      - type: space
                        id: x
                        size: {min: %d, step: %d}
                    data:
                      type: float32
                    test_tensor:
                      source: test_input.npy
                      sha256: %s
                    preprocessing:
                      - id: scale_range
                        kwargs:
                          axes: [y, x]
                          min_percentile: %s
                          max_percentile: %s
                          eps: 1.0e-06
                outputs:
                  - id: probabilities
                    description: class probabilities (%s)
                    axes:
                      - type: batch
                      - type: channel
                        channel_names: [%s]
                      - type: space
                        id: y
                        size: {tensor_id: raw, axis_id: y}
                      - type: space
                        id: x
                        size: {tensor_id: raw, axis_id: x}
                    data:
                      type: float32
                    test_tensor:
                      source: test_output.npy
                      sha256: %s
                weights:
                  onnx:
                    source: weights.onnx
                    sha256: %s
                    opset_version: %d
                config:
                  fluffy:
                    model_type: %s
                    hyperparameters: %s
                    channels: %s
                """.formatted(BioImageIoPackage.FORMAT_VERSION, quoted("Fluffy " + model.type().name()),
                quoted(model.type().description()), timestamp, inputDescription(model),
                String.join(", ", model.channels().names()), min, step, min, step, sha256.get("test_input.npy"),
                number(model.normalization().lowPercentile()), number(model.normalization().highPercentile()),
                String.join(", ", model.classes()), classes, sha256.get("test_output.npy"), sha256.get("weights.onnx"),
                opset, type, quoted(model.description().hyperparameters().encode()), quoted(model.channels().encode()));
    }

    /** What the input's channels are, for its description. */
    private static String inputDescription(FluffyModel model) {
        return model.channels().isDefault() ? "one grey channel"
                : "the image's channels " + model.channels().encode() + " (1-based), each normalised on its own";
    }

    static String documentation(FluffyModel model) {
        StringBuilder training = new StringBuilder();
        model.description().training().forEach((k, v) -> training.append("| ").append(k).append(" | ").append(v)
                .append(" |\n"));
        return """
                # %s

                %s

                Exported from Fluffy Workbench. Classes: %s. Input: %s, normalised per image (each channel
                on its own) so that its %s and %s percentiles map to 0 and 1 (`scale_range`); height and width
                must be multiples of %d. Output: per-class probabilities of the same size.

                Objects: for a categorical model, seeds are pixels where `object` is the most probable class,
                grown by a watershed over pixels whose `background` probability is below 0.5; for a binary model,
                connected pixels with `object` above 0.5.

                Hyperparameters: `%s`

                ## Training

                | key | value |
                |---|---|
                %s""".formatted(model.type().name(), model.type().description(), String.join(", ", model.classes()),
                inputDescription(model), number(model.normalization().lowPercentile()), number(model.normalization().highPercentile()),
                model.sizeMultiple(), model.description().hyperparameters().encode(),
                training.isEmpty() ? "| (none recorded) | |\n" : training);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
