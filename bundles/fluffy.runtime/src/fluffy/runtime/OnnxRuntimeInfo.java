package fluffy.runtime;

import ai.onnxruntime.OrtEnvironment;

/** Facts about the ONNX Runtime this product runs on. */
public final class OnnxRuntimeInfo {

    private OnnxRuntimeInfo() {
    }

    /**
     * The version of the loaded native ONNX Runtime, e.g. {@code 1.29.0}.
     *
     * @throws IllegalStateException naming the cause when the native library cannot be loaded (e.g. on
     *                               a platform the packaged runtime has no binaries for)
     */
    public static String version() {
        try {
            return OrtEnvironment.getEnvironment().getVersion();
        } catch (LinkageError | RuntimeException e) {
            throw new IllegalStateException("ONNX Runtime could not be loaded: " + e, e);
        }
    }
}
