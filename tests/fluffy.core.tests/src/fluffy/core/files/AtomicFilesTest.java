package fluffy.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("user.tif"), "the user's work");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("the user's work", Files.readString(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void aSuccessfulWriteReplacesTheTargetWhole() throws IOException {
        Path target = dir.resolve("sub/out.txt");
        AtomicFiles.write(target, tmp -> Files.writeString(tmp, "new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), Files.list(target.getParent()).toList());
    }

    @Test
    void writtenFilesGetTheRightsOfAnyNewFileNotThoseOfATemporaryOne() throws IOException {
        Path target = dir.resolve("shared.tif");
        AtomicFiles.write(target, tmp -> Files.writeString(tmp, "for the whole lab"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void temporariesOfAKilledWriterAreRemovedForTheNamesAskedForAndNothingElse() throws IOException {
        Path stale = AtomicFiles.temporaryFile(dir, "img1", ".tif.partial");
        Path staleMask = AtomicFiles.temporaryFile(dir, "img1_mask", ".png");
        Path other = AtomicFiles.temporaryFile(dir, "img10", ".tif"); // another image's: a prefix is not enough
        Path users = Files.writeString(dir.resolve(".img1-notes.txt"), "the user's own hidden file");
        Path image = Files.writeString(dir.resolve("img1.tif"), "a finished output");
        assertEquals(2, AtomicFiles.removeTemporaries(dir, List.of("img1")));
        assertEquals(List.of(false, false, true, true, true), List.of(Files.exists(stale), Files.exists(staleMask),
                Files.exists(other), Files.exists(users), Files.exists(image)));
        assertEquals(1, AtomicFiles.removeAllTemporaries(dir));
        assertEquals(List.of(false, true, true), List.of(Files.exists(other), Files.exists(users), Files.exists(image)));
    }
}
