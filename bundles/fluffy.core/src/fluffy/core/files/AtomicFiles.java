package fluffy.core.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes files so that a reader, or a crash, never sees half of one: the content goes to a temporary
 * file in the same folder, which then replaces the target in one rename.
 */
public final class AtomicFiles {

    /** Writes content to the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Writes {@code target} through {@code writer}, creating its folder when needed. */
    public static void write(Path target, Writer writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        String name = target.getFileName().toString();
        // Keep the extension: some writers (ImageJ) choose the format by it.
        int dot = name.lastIndexOf('.');
        String suffix = dot > 0 ? name.substring(dot) : ".tmp";
        Path temporary = temporaryFile(folder, baseName(target), suffix);
        try {
            writer.writeTo(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A file's name without its extension: what its temporary files' names start with, after the prefix. */
    public static String baseName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Every temporary file's name starts with it: hidden, and never a name a user would give a file. */
    public static final String TEMPORARY_PREFIX = ".fluffy-tmp-";

    /**
     * A new empty file with a random name, {@code .fluffy-tmp-<base>-<random><suffix>}. Not {@code
     * Files.createTempFile}: that makes the file readable by its owner only, and the result would keep those
     * rights; a plain create honours the umask, so a lab's shared workspace stays readable by the group. For
     * writers that stage several files and move them into place together.
     */
    public static Path temporaryFile(Path folder, String base, String suffix) throws IOException {
        String prefix = TEMPORARY_PREFIX + base + "-";
        for (int attempt = 0; ; attempt++) {
            Path candidate = folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Writes {@code bytes} to {@code target}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> Files.write(tmp, bytes));
    }

    /** Writes UTF-8 {@code text} to {@code target}. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Copies {@code source} to {@code target} atomically. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, tmp -> Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING));
    }

    /**
     * Deletes the temporary files that a killed process (SIGKILL, power loss) left in {@code folder} while
     * writing files whose names are one of {@code bases} followed by '-', '_' or '.'. Only for a caller that
     * alone writes those files now (a prediction task for its own images): another writer's temporary files
     * would go too. One listing of the folder, however many bases.
     *
     * @return how many were deleted
     */
    public static int removeTemporaries(Path folder, java.util.Collection<String> bases) throws IOException {
        java.util.Set<String> wanted = new java.util.HashSet<>(bases);
        return removeTemporaries(folder, rest -> {
            for (int i = 0; i < rest.length(); i++) {
                if ("-_.".indexOf(rest.charAt(i)) >= 0 && wanted.contains(rest.substring(0, i))) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Deletes every temporary file a killed process left in {@code folder}: for the holder of a folder's
     * lock (a training run), whom no other process writes beside.
     */
    public static int removeAllTemporaries(Path folder) throws IOException {
        return removeTemporaries(folder, rest -> true);
    }

    private static int removeTemporaries(Path folder, java.util.function.Predicate<String> ofRest) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(TEMPORARY_PREFIX) && ofRest.test(name.substring(TEMPORARY_PREFIX.length()))
                        && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }
}
