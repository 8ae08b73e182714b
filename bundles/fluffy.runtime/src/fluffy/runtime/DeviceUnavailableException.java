package fluffy.runtime;

/** Thrown when the user explicitly asked for a device that cannot be used; the message says why. */
public class DeviceUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
