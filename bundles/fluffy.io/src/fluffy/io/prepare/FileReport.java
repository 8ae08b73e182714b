package fluffy.io.prepare;

import java.nio.file.Path;
import java.util.List;

/**
 * What happened to one file of a batch, as shown in the per-file summary.
 *
 * @param items  the items written (prepare) or labelled (labels)
 * @param kept   items left untouched because someone has annotated them
 * @param detail   what was done, or for a failure the problem
 * @param warnings things left out on the way, one sentence each (a line ROI, a duplicate)
 */
public record FileReport(Path file, Status status, List<String> items, List<String> kept, String detail,
        List<String> warnings) {

    public enum Status {
        /** Done; {@link #items()} were written. */
        DONE,
        /** Nothing written on purpose: every item it would write is annotated. */
        KEPT,
        /** Not an image by its name; left alone. */
        IGNORED,
        /** Could not be processed; {@link #detail()} says why. */
        FAILED
    }

    public FileReport {
        items = List.copyOf(items);
        kept = List.copyOf(kept);
        warnings = List.copyOf(warnings);
    }

    public static FileReport done(Path file, List<String> items, List<String> kept, String detail,
            List<String> warnings) {
        return new FileReport(file, Status.DONE, items, kept, detail, warnings);
    }

    public static FileReport kept(Path file, List<String> kept) {
        return new FileReport(file, Status.KEPT, List.of(), kept, "", List.of());
    }

    public static FileReport ignored(Path file, String why) {
        return new FileReport(file, Status.IGNORED, List.of(), List.of(), why, List.of());
    }

    public static FileReport failed(Path file, String problem) {
        return new FileReport(file, Status.FAILED, List.of(), List.of(), problem, List.of());
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** One line, e.g. {@code cells.czi: prepared cells (512 x 512, C1 uint16; max projection of 5 slices)}. */
    public String line(String verb) {
        String name = file.getFileName().toString();
        return switch (status) {
            case DONE -> name + ": " + verb + " " + list(items) + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + (kept.isEmpty() ? "" : "; kept " + list(kept) + ": already annotated, not overwritten");
            case KEPT -> name + ": kept " + list(kept) + ": already annotated, not overwritten";
            case IGNORED -> name + ": ignored (" + detail + ")";
            case FAILED -> name + ": FAILED: " + detail;
        };
    }

    /** A few names, or the first and last of many (every slice of a long stack). */
    private static String list(List<String> names) {
        if (names.size() <= 4) {
            return String.join(", ", names);
        }
        return names.size() + " items " + names.get(0) + " .. " + names.get(names.size() - 1);
    }
}
