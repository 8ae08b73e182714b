package fluffy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DevicesTest {

    private static final CudaStatus NO_CUDA = CudaStatus.unavailable("no NVIDIA driver is loaded");
    private static final CudaStatus CUDA = CudaStatus.available("NVIDIA driver 550.54.14");

    @Test
    void autoFallsBackToTheCpuAndSaysWhy() throws DeviceUnavailableException {
        DeviceChoice choice = Devices.choose(DeviceRequest.AUTO, NO_CUDA);
        assertEquals(Device.CPU, choice.device());
        assertEquals("CPU (CUDA not available: no NVIDIA driver is loaded)", choice.describe());
    }

    @Test
    void autoTakesTheFirstGpuWhenCudaWorks() throws DeviceUnavailableException {
        DeviceChoice choice = Devices.choose(DeviceRequest.AUTO, CUDA);
        assertEquals(new Device.Cuda(0), choice.device());
        assertEquals("CUDA:0 (NVIDIA driver 550.54.14)", choice.describe());
    }

    @Test
    void explicitCudaFailsClearlyWhenUnavailable() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> Devices.choose(DeviceRequest.parse("cuda:1"), NO_CUDA));
        assertTrue(e.getMessage().contains("no NVIDIA driver is loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("'cpu'"), "suggests a way out: " + e.getMessage());
    }

    @Test
    void explicitCudaKeepsItsIndex() throws DeviceUnavailableException {
        assertEquals(new Device.Cuda(1), Devices.choose(DeviceRequest.parse("cuda:1"), CUDA).device());
    }

    @Test
    void cpuIsAlwaysGranted() throws DeviceUnavailableException {
        assertSame(Device.CPU, Devices.choose(DeviceRequest.parse("cpu"), CUDA).device());
        assertEquals("CPU (requested)", Devices.choose(DeviceRequest.parse("cpu")).describe());
    }

    @Test
    void theProbeRunsOncePerProcess() {
        assertSame(Devices.cuda(), Devices.cuda(), "the cached status is returned, not a new probe");
    }
}
