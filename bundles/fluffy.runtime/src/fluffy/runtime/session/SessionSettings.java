package fluffy.runtime.session;

import fluffy.runtime.Device;
import fluffy.runtime.DeviceChoice;

/**
 * How ONNX Runtime sessions are set up: the device chosen for them and the number of threads one
 * operator may use on the CPU.
 */
public record SessionSettings(DeviceChoice device, int threads) {

    public SessionSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
    }

    /** The CPU with one thread per available processor. */
    public static SessionSettings cpu() {
        return cpu(Runtime.getRuntime().availableProcessors());
    }

    public static SessionSettings cpu(int threads) {
        return new SessionSettings(new DeviceChoice(Device.CPU, "requested"), threads);
    }

    /** For example {@code CPU, 2 threads}. */
    public String describe() {
        return device.device() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }
}
