package fluffy.runtime;

/**
 * The device a request resolved to, with the reason, e.g. {@code CPU (CUDA not available: ...)}.
 */
public record DeviceChoice(Device device, String reason) {

    /** The device and its reason in one line, as the CLI and the views show it. */
    public String describe() {
        return reason.isEmpty() ? device.toString() : device + " (" + reason + ")";
    }
}
