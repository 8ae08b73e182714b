package fluffy.core.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Failures that make an output folder unusable for every further item of a batch (no space left, a quota,
 * a read-only or unwritable folder), told apart from an item's own failure, so that a batch stops at the
 * first with one message instead of naming the same cause for every item.
 */
public final class OutputFaults {

    private OutputFaults() {
    }

    /**
     * What makes {@code outputFolder} unusable, as a sentence, or null when {@code e} (or its causes) is the
     * item's own failure. Only faults about the output folder count: an input the user may not read is that
     * input's own problem.
     */
    public static String describe(Throwable e, Path outputFolder) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                return "no space left on the device of " + outputFolder + "; free space";
            }
            if (t instanceof FileSystemException f && f.getFile() != null
                    && Path.of(f.getFile()).toAbsolutePath().startsWith(outputFolder.toAbsolutePath())
                    && (m.contains("Read-only file system") || t instanceof AccessDeniedException)) {
                return outputFolder + " cannot be written (read-only or no permission)";
            }
        }
        return null;
    }
}
