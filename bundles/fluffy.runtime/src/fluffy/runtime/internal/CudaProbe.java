package fluffy.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import fluffy.runtime.CudaStatus;

/**
 * Finds out whether ONNX Runtime's CUDA execution provider can be used. Cheap, certain checks come
 * first (is CUDA compiled into this runtime, is an NVIDIA driver loaded); only then is the provider
 * really loaded, which takes seconds because ONNX Runtime first extracts a 580 MB library.
 */
public final class CudaProbe {

    private static final Pattern DRIVER_VERSION = Pattern.compile("Kernel Module\\s+(\\S+)");

    /** {@code /proc/driver/nvidia/version} on Linux; {@code null} where the OS has no such file. */
    private final Path driverVersionFile;

    public CudaProbe(Path driverVersionFile) {
        this.driverVersionFile = driverVersionFile;
    }

    public static CudaProbe forThisSystem() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        return new CudaProbe(linux ? Path.of("/proc/driver/nvidia/version") : null);
    }

    public CudaStatus probe() {
        try {
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                return CudaStatus.unavailable("this ONNX Runtime build has no CUDA execution provider");
            }
        } catch (LinkageError | RuntimeException e) {
            return CudaStatus.unavailable("ONNX Runtime could not be loaded: " + e);
        }
        String driver = null;
        if (driverVersionFile != null) {
            if (!Files.isReadable(driverVersionFile)) {
                return CudaStatus.unavailable("no NVIDIA driver is loaded (" + driverVersionFile + " does not exist)");
            }
            driver = driverVersion(driverVersionFile);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addCUDA(0);
            return CudaStatus.available(driver == null ? "CUDA execution provider loaded" : "NVIDIA driver " + driver);
        } catch (OrtException | RuntimeException | LinkageError e) {
            return CudaStatus.unavailable("the CUDA execution provider did not load: " + firstLine(e.getMessage())
                    + " (onnxruntime_gpu needs CUDA 12 and cuDNN 9)");
        }
    }

    private static String driverVersion(Path file) {
        try {
            Matcher m = DRIVER_VERSION.matcher(Files.readString(file));
            return m.find() ? m.group(1) : "of unknown version";
        } catch (IOException e) {
            return "of unknown version";
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
