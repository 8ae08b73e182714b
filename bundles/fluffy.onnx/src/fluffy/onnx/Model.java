package fluffy.onnx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A graph ready to be written as an ONNX model, with string metadata ({@code metadata_props}) that any
 * ONNX Runtime exposes, e.g. as {@code OrtSession.getMetadata().getCustomMetadata()}.
 */
public record Model(Graph graph, Map<String, String> metadata, String docString) {

    public static final String PRODUCER = "fluffy-workbench";

    public Model {
        metadata = new LinkedHashMap<>(metadata);
    }

    public Model(Graph graph) {
        this(graph, Map.of(), "");
    }

    public byte[] toBytes() {
        return fluffy.onnx.internal.ModelWriter.write(this);
    }
}
