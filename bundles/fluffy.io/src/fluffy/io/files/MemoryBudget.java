package fluffy.io.files;

import java.nio.file.Path;

import fluffy.io.ImageFormatException;

/**
 * Refuses allocations a file's header asks for when they cannot fit in this JVM. A damaged or hostile
 * header may claim terabytes; checking before allocating turns that into a clear message instead of an
 * OutOfMemoryError that takes the whole batch down.
 */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    /** Bytes this JVM could still allocate, roughly. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * @param what what the bytes are for, e.g. {@code "a plane of 100000 x 100000 uint16"}
     * @throws ImageFormatException naming the file when {@code bytes} exceed what is available
     */
    public static void check(Path file, long bytes, String what) throws ImageFormatException {
        if (bytes < 0 || bytes > available()) {
            throw new ImageFormatException(file, what + " needs " + human(bytes) + ", more than the " + human(available())
                    + " of memory available (a damaged header, or raise -Xmx through FLUFFY_JAVA_OPTS)");
        }
    }

    static String human(long bytes) {
        if (bytes < 0) {
            return "more than 8 EiB";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format("%.1f %s", value, units[unit]);
    }
}
