package fluffy.runtime;

/**
 * Whether the CUDA execution provider can be used in this process, and why (or why not).
 *
 * @param detail when available, what was found (e.g. the driver version); otherwise the reason
 */
public record CudaStatus(boolean available, String detail) {

    public static CudaStatus available(String detail) {
        return new CudaStatus(true, detail);
    }

    public static CudaStatus unavailable(String reason) {
        return new CudaStatus(false, reason);
    }
}
