package fluffy.inference.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fluffy.core.files.AtomicFiles;

/**
 * The output files of one image, written under hidden temporary names in the output folder and moved into
 * place together, so that a failed or cancelled image leaves no partial output. The label map
 * {@code <stem>.tif} is moved last: its presence says an image is done.
 */
final class StagedFiles {

    private final Path dir;
    private final String stem;
    private final Map<Path, Path> pending = new LinkedHashMap<>();
    private final List<Path> scratch = new ArrayList<>();

    StagedFiles(Path dir, String stem) throws IOException {
        this.dir = dir;
        this.stem = stem;
        Files.createDirectories(dir);
    }

    /** The hidden temporary file that becomes {@code name} on {@link #moveAll}. */
    Path staged(String name) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = pending.get(target);
        if (tmp == null) {
            tmp = temporary("." + name);
            pending.put(target, tmp);
        }
        return tmp;
    }

    /** A hidden working file, deleted when the image is done either way. */
    Path scratch(String suffix) throws IOException {
        Path tmp = temporary(suffix);
        scratch.add(tmp);
        return tmp;
    }

    /** The earlier label map goes first: until the new one is in place the image counts as not done. */
    void removeEarlierLabelMap() throws IOException {
        Files.deleteIfExists(dir.resolve(stem + ".tif"));
    }

    /** Moves every staged file into place, in the order they were staged, and deletes the scratch files. */
    List<Path> moveAll() throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, Path> e : pending.entrySet()) {
            move(e.getValue(), e.getKey());
            written.add(e.getKey());
        }
        pending.clear();
        deleteScratch();
        return written;
    }

    /** Deletes what was not moved. */
    void discard() throws IOException {
        try {
            for (Path tmp : pending.values()) {
                Files.deleteIfExists(tmp);
            }
            pending.clear();
        } finally {
            deleteScratch();
        }
    }

    private void deleteScratch() throws IOException {
        for (Path tmp : scratch) {
            Files.deleteIfExists(tmp);
        }
        scratch.clear();
    }

    private Path temporary(String suffix) throws IOException {
        return AtomicFiles.temporaryFile(dir, stem, suffix + ".partial");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
