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

    private Sessions() {
    }

    static OrtSession create(byte[] model, SessionSettings settings) throws OrtException {
        try (SessionOptions options = new SessionOptions()) {
            options.setOptimizationLevel(OptLevel.ALL_OPT);
            // One operator at a time, each using every thread: the graphs are chains of large convolutions.
            options.setExecutionMode(ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(settings.threads());
            options.setInterOpNumThreads(1);
            if (settings.device().device() instanceof Device.Cuda cuda) {
                options.addCUDA(cuda.index());
            }
            return OrtEnvironment.getEnvironment().createSession(model, options);
        }
    }
}
