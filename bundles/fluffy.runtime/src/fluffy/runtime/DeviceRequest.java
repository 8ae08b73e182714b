package fluffy.runtime;

import java.util.Locale;

/**
 * What the user asked for: {@code auto} (CUDA when usable, else CPU), {@code cpu}, or {@code cuda[:N]}.
 *
 * @param device the device asked for, or {@code null} for {@code auto}
 */
public record DeviceRequest(Device device) {

    public static final DeviceRequest AUTO = new DeviceRequest(null);

    /** Environment variable holding the default device request. */
    public static final String ENVIRONMENT_VARIABLE = "FLUFFY_DEVICE";

    /**
     * The user's default: {@value #ENVIRONMENT_VARIABLE} when set, else {@code auto}.
     *
     * @throws IllegalArgumentException naming the variable when its value is not a device
     */
    public static DeviceRequest fromEnvironment() {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    public boolean isAuto() {
        return device == null;
    }

    /**
     * Parses {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N} (case ignored).
     *
     * @throws IllegalArgumentException with the accepted forms when the text is none of them
     */
    public static DeviceRequest parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("auto")) {
            return AUTO;
        }
        if (s.equals("cpu")) {
            return new DeviceRequest(Device.CPU);
        }
        if (s.equals("cuda") || s.equals("gpu")) {
            return new DeviceRequest(new Device.Cuda(0));
        }
        if (s.startsWith("cuda:") && s.length() > 5 && s.substring(5).chars().allMatch(Character::isDigit)) {
            try {
                return new DeviceRequest(new Device.Cuda(Integer.parseInt(s.substring(5))));
            } catch (NumberFormatException e) {
                // falls through to the error below: the index does not fit an int
            }
        }
        throw new IllegalArgumentException(
                "device must be auto, cpu, cuda or cuda:N (N = GPU index), got '" + text + "'");
    }

    @Override
    public String toString() {
        return device == null ? "auto" : device.toString().toLowerCase(Locale.ROOT);
    }
}
