package fluffy.runtime;

import java.util.List;

/**
 * What Fluffy runs on, as {@code fluffy version} and the About dialog show it: Java, the OS, ONNX
 * Runtime and the device a request resolves to, with the reason.
 *
 * @param usable false when ONNX Runtime cannot be loaded or the requested device cannot be used
 */
public record RuntimeReport(String java, String os, String onnxRuntime, String device, boolean usable) {

    /** Collects the report; probes CUDA unless the request is for the CPU. */
    public static RuntimeReport collect(DeviceRequest request) {
        String java = String.format("%s (%s) at %s", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.home"));
        String os = String.format("%s %s %s, %d cores, max heap %.1f GiB", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        String onnx;
        try {
            onnx = OnnxRuntimeInfo.version();
        } catch (IllegalStateException e) {
            return new RuntimeReport(java, os, "not usable: " + e.getMessage(), "none", false);
        }
        try {
            return new RuntimeReport(java, os, onnx, Devices.choose(request).describe(), true);
        } catch (DeviceUnavailableException e) {
            return new RuntimeReport(java, os, onnx, "none: " + e.getMessage(), false);
        }
    }

    /** One "key: value" line per fact. */
    public List<String> lines() {
        return List.of("Java: " + java, "OS: " + os, "ONNX Runtime: " + onnxRuntime, "device: " + device);
    }
}
