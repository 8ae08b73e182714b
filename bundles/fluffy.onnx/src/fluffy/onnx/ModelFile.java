package fluffy.onnx;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Fluffy needs to read back from an ONNX file it wrote: the initializers (trained weights) by name
 * and the metadata. Graph structure is not read; models are rebuilt from their type and parameters.
 */
public record ModelFile(Map<String, Tensor> initializers, Map<String, String> metadata, long opset) {

    public ModelFile {
        initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * @throws IOException when the bytes are not an ONNX model (the message says what is wrong)
     */
    /** A well-formed ONNX model that uses what Fluffy refuses to read (external weight files). */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    public static ModelFile parse(byte[] bytes) throws IOException {
        return fluffy.onnx.internal.ModelReader.read(bytes);
    }
}
