package fluffy.io.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

import fluffy.core.image.ImageFiles;
import fluffy.core.workspace.ItemState;
import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;
import fluffy.io.ImageSource;
import fluffy.io.internal.imagej.TiffWriter;

/**
 * The data preparation of a workspace (the original Fluffy's {@code make_labelling}): every image
 * directly in {@code Raw/} becomes {@code Labeling/<name>/images/<name>.tif} with an empty
 * {@code masks/} folder beside it. An item that has been annotated or labelled is never written again;
 * it is reported as kept. One bad file does not stop the others: it is reported and the batch goes on.
 */
public final class Preparation {

    private final Workspace workspace;
    private final PrepareOptions options;
    private final ImageFormats formats;

    public Preparation(Workspace workspace, PrepareOptions options, ImageFormats formats) {
        this.workspace = workspace;
        this.options = options;
        this.formats = formats;
    }

    /**
     * Prepares every file in {@code Raw/}, in natural name order.
     *
     * @param each     told about each file as soon as it is done
     * @param monitor  one unit of work per file; cancelling stops before the next file
     * @return one report per file in {@code Raw/}, ignored ones included
     * @throws IOException when {@code Raw/} cannot be listed
     */
    public List<FileReport> run(Consumer<FileReport> each, IProgressMonitor monitor) throws IOException {
        List<Path> files = workspace.rawFiles(p -> true);
        // A workspace step runs alone on its workspace: what a killed earlier one left half-written can go.
        for (Path file : files) {
            fluffy.core.files.AtomicFiles.removeAllTemporaries(workspace.labelingImage(Workspace.itemName(file))
                    .getParent());
        }
        Map<String, Path> names = new HashMap<>();
        return BatchLoop.run("Preparing " + files.size() + " file(s)", files, f -> f.getFileName().toString(),
                f -> prepare(f, names), each, monitor);
    }

    private FileReport prepare(Path file, Map<String, Path> names) {
        // The original's extensions count even when no installed reader claims them (a .czi without a
        // CZI reader): such a file fails with the reason rather than vanishing from the report.
        if (!formats.claims(file) && !ImageFiles.hasImageExtension(file)) {
            return FileReport.ignored(file, "not an image file by its name");
        }
        String name = Workspace.itemName(file);
        Path earlier = names.putIfAbsent(name, file);
        if (earlier != null) {
            return FileReport.failed(file, "its item name '" + name + "' (the name up to the first dot) is taken by "
                    + earlier.getFileName() + "; rename one of them");
        }
        try {
            if (!writable(name) && !options.allSlices()) {
                return FileReport.kept(file, List.of(name));
            }
            try (ImageSource source = formats.open(file)) {
                Conversion.Result result = Conversion.convert(source, options);
                return write(file, name, source.formatName(), result);
            }
        } catch (IOException | RuntimeException e) {
            BatchLoop.stopOnOutputFault(file, e, workspace.labeling());
            return FileReport.failed(file, message(file, e));
        }
    }

    private FileReport write(Path file, String name, String format, Conversion.Result result) throws IOException {
        List<String> written = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        String shape = "";
        for (Conversion.Output output : result.outputs()) {
            String item = name + output.suffix();
            if (!writable(item)) {
                kept.add(item);
                continue;
            }
            TiffWriter.write(output.image(), workspace.labelingImage(item));
            Files.createDirectories(workspace.labelingMasks(item));
            written.add(item);
            shape = output.image().describe();
        }
        if (written.isEmpty()) {
            return FileReport.kept(file, kept);
        }
        String detail = shape + ", " + format + (result.description().isEmpty() ? "" : "; " + result.description());
        return FileReport.done(file, written, kept, detail, List.of());
    }

    /** Only items nobody has worked on yet may be (re)written. */
    private boolean writable(String item) throws IOException {
        ItemState state = workspace.state(item);
        return state == ItemState.RAW || state == ItemState.PREPARED;
    }

    /** The exception's message, with the file name in front unless it names the file already. */
    static String message(Path file, Exception e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        String name = file.getFileName().toString();
        return m.startsWith(name) ? m.substring(name.length()).replaceFirst("^:\\s*", "") : m;
    }
}
