package fluffy.runtime.session;

/**
 * ONNX Runtime failed to create or run a session (e.g. an unsupported operator, out of memory, a CUDA
 * error). Keeps ONNX Runtime's own exception type out of the API, so only this bundle links to it.
 */
public final class SessionException extends Exception {

    private static final long serialVersionUID = 1L;

    SessionException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
