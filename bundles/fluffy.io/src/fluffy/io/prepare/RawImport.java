package fluffy.io.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

import fluffy.core.files.AtomicFiles;
import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;

/**
 * Copies image files into a workspace's {@code Raw/} folder (the workbench's Import and drag and drop).
 * Files no installed format claims are ignored, and so is a file whose name is already in {@code Raw/}:
 * that one is never overwritten, since prepared and annotated items hang off its name.
 */
public final class RawImport {

    private final Workspace workspace;
    private final ImageFormats formats;

    public RawImport(Workspace workspace, ImageFormats formats) {
        this.workspace = workspace;
        this.formats = formats;
    }

    public List<FileReport> run(List<Path> files, Consumer<FileReport> each, IProgressMonitor monitor) {
        return BatchLoop.run("Importing " + files.size() + " file(s)", files, f -> f.getFileName().toString(),
                this::copy, each, monitor);
    }

    private FileReport copy(Path file) {
        Path target = workspace.raw().resolve(file.getFileName().toString());
        if (!Files.isRegularFile(file)) {
            return FileReport.ignored(file, "not a file");
        }
        if (!formats.claims(file)) {
            return FileReport.ignored(file, "no image format reads this name");
        }
        String name = Workspace.itemName(file);
        if (Files.exists(target)) {
            return FileReport.ignored(file, Workspace.RAW + "/ already has a file of this name; not overwritten");
        }
        try {
            Files.createDirectories(workspace.raw());
            AtomicFiles.copy(file, target);
            return FileReport.done(file, List.of(name), List.of(), "copied into " + Workspace.RAW + "/", List.of());
        } catch (IOException e) {
            return FileReport.failed(file, e.getMessage());
        }
    }
}
