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
        Path temporary = temporaryFile(folder, "." + (dot > 0 ? name.substring(0, dot) : name) + "-", suffix);
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

    /**
     * A new empty file with a random name. Not {@code Files.createTempFile}: that makes the file readable
     * by its owner only, and the result would keep those rights; a plain create honours the umask, so a
     * lab's shared workspace stays readable by the group. For writers that stage several files and move
     * them into place together.
     */
    public static Path temporaryFile(Path folder, String prefix, String suffix) throws IOException {
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
}
