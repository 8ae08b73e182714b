package fluffy.runtime;

import fluffy.runtime.internal.CudaProbe;

/**
 * Chooses the device ONNX Runtime runs on. CUDA is probed once per process, on first use, and the
 * outcome is cached with its reason: a failed probe of the CUDA provider costs seconds, so it must not
 * be repeated for every session.
 */
public final class Devices {

    private Devices() {
    }

    private static final class Probed {
        static final CudaStatus CUDA = CudaProbe.forThisSystem().probe();
    }

    /** Whether CUDA is usable in this process, probed on the first call and cached after. */
    public static CudaStatus cuda() {
        return Probed.CUDA;
    }

    /** Resolves a request against this process's CUDA status. */
    public static DeviceChoice choose(DeviceRequest request) throws DeviceUnavailableException {
        if (request.device() instanceof Device.Cpu) {
            return new DeviceChoice(Device.CPU, "requested"); // no need to probe CUDA at all
        }
        return choose(request, cuda());
    }

    /**
     * Resolves a request against a given CUDA status: {@code auto} falls back to the CPU and says why;
     * an explicit {@code cuda} request fails when CUDA is not usable.
     */
    public static DeviceChoice choose(DeviceRequest request, CudaStatus cuda) throws DeviceUnavailableException {
        return switch (request.device()) {
            case null -> cuda.available()
                    ? new DeviceChoice(new Device.Cuda(0), cuda.detail())
                    : new DeviceChoice(Device.CPU, "CUDA not available: " + cuda.detail());
            case Device.Cpu cpu -> new DeviceChoice(cpu, "requested");
            case Device.Cuda gpu -> {
                if (!cuda.available()) {
                    throw new DeviceUnavailableException("CUDA was requested but is not available: "
                            + cuda.detail() + ". Use device 'cpu' or 'auto'.");
                }
                yield new DeviceChoice(gpu, cuda.detail());
            }
        };
    }
}
