package fluffy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Loads the real native ONNX Runtime that ships with the product. */
class RuntimeReportTest {

    @Test
    void theBundledOnnxRuntimeLoadsAndReportsItsVersion() {
        assertTrue(OnnxRuntimeInfo.version().startsWith("1.29."), OnnxRuntimeInfo.version());
    }

    @Test
    void reportForTheCpuIsUsableAndComplete() {
        RuntimeReport report = RuntimeReport.collect(DeviceRequest.parse("cpu"));
        assertTrue(report.usable());
        List<String> lines = report.lines();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("Java: " + System.getProperty("java.version")), lines.get(0));
        assertEquals("ONNX Runtime: " + OnnxRuntimeInfo.version(), lines.get(2));
        assertEquals("device: CPU (requested)", lines.get(3));
    }

    @Test
    void autoReportsTheDeviceWithItsReason() {
        String device = RuntimeReport.collect(DeviceRequest.AUTO).device();
        assertTrue(device.matches("CPU \\(CUDA not available: .+\\)|CUDA:0 \\(.+\\)"), device);
    }
}
