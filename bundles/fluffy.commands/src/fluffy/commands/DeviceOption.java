package fluffy.commands;

import fluffy.headless.UsageException;
import fluffy.runtime.DeviceRequest;

/**
 * The {@code --device auto|cpu|cuda[:N]} option of the commands that run a model, defaulting to
 * {@code $FLUFFY_DEVICE}. Here rather than in fluffy.headless, whose option parsing needs no ONNX Runtime.
 */
public final class DeviceOption {

    private DeviceOption() {
    }

    /** @param text the option's value, or null when it was not given */
    public static DeviceRequest parse(String text) throws UsageException {
        try {
            return text == null ? DeviceRequest.fromEnvironment() : DeviceRequest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
