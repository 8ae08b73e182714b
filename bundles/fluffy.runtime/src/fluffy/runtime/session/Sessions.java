package fluffy.runtime.session;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import fluffy.runtime.Device;

/** Creates ONNX Runtime sessions for a model's bytes with the project's settings. */
final class Sessions {

    /**
     * A developer's switch: {@code -Dfluffy.ort.profile=/tmp/prof} makes every session write ONNX Runtime's
     * per-operator profile (see bench/ort_profile_summary.py).
     */
    static final String PROFILE_PROPERTY = "fluffy.ort.profile";

    private Sessions() {
    }

    static OrtSession create(byte[] model, SessionSettings settings) throws OrtException {
        try (SessionOptions options = new SessionOptions()) {
            options.setOptimizationLevel(OptLevel.ALL_OPT);
            // One operator at a time, each using every thread: the graphs are chains of large convolutions.
            options.setExecutionMode(ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(settings.threads());
            options.setInterOpNumThreads(1);
            String profile = System.getProperty(PROFILE_PROPERTY);
            if (profile != null && !profile.isBlank()) {
                // ORT writes <prefix>_<date>.json with one event per operator run when the session closes.
                options.enableProfiling(profile);
            }
            if (settings.device().device() instanceof Device.Cuda cuda) {
                options.addCUDA(cuda.index());
            }
            return OrtEnvironment.getEnvironment().createSession(model, options);
        }
    }
}
