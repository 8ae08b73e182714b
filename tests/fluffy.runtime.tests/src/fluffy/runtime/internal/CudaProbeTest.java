package fluffy.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.runtime.CudaStatus;

/** Probes with the real ONNX Runtime GPU package; only the driver file is chosen by the test. */
class CudaProbeTest {

    private static final Path REAL_DRIVER = Path.of("/proc/driver/nvidia/version");

    @Test
    void noDriverIsReportedWithoutLoadingTheProvider(@TempDir Path dir) {
        Path missing = dir.resolve("nvidia-version");
        long start = System.nanoTime();
        CudaStatus status = new CudaProbe(missing).probe();
        assertFalse(status.available());
        assertEquals("no NVIDIA driver is loaded (" + missing + " does not exist)", status.detail());
        assertTrue(System.nanoTime() - start < 5_000_000_000L,
                "the cheap check answers before the 580 MB provider would be extracted");
    }

    /**
     * Pretends a driver is there, so the probe really loads the CUDA provider; on a machine without
     * CUDA 12 that fails, and the failure must come back as a reason rather than an exception.
     */
    @Test
    void providerThatFailsToLoadBecomesAReason(@TempDir Path dir) throws IOException {
        assumeFalse(Files.exists(REAL_DRIVER), "this machine has an NVIDIA driver; the failure path cannot be shown");
        Path driver = Files.writeString(dir.resolve("version"),
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14  Thu Feb 22 01:44:30 UTC 2024\n");
        CudaStatus status = new CudaProbe(driver).probe();
        assertFalse(status.available());
        assertTrue(status.detail().startsWith("the CUDA execution provider did not load: "), status.detail());
        assertTrue(status.detail().endsWith("(onnxruntime_gpu needs CUDA 12 and cuDNN 9)"), status.detail());
    }

    @Test
    void aRealDriverLeadsToAUsableProvider() {
        assumeTrue(Files.exists(REAL_DRIVER), "no NVIDIA driver on this machine");
        CudaStatus status = CudaProbe.forThisSystem().probe();
        assertTrue(status.available(), status.detail());
    }
}
