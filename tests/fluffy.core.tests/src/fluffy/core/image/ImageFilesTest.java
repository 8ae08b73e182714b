package fluffy.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void listsOnlyImagesDirectlyInTheFolderInNaturalOrder() throws IOException {
        for (String name : List.of("b10.tif", "b2.TIFF", "a.czi", "notes.txt", ".hidden.tif", "scan.stk", "x.png")) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/inner.tif"), "x");
        Files.createDirectories(dir.resolve("folder.tif")); // a folder with an image-like name

        List<String> names = ImageFiles.list(dir).stream().map(p -> p.getFileName().toString()).toList();

        assertEquals(List.of("a.czi", "b2.TIFF", "b10.tif", "scan.stk", "x.png"), names);
    }

    @Test
    void extensionIsRecognisedWithoutCaseAndOnlyAfterADot() {
        assertTrue(ImageFiles.hasImageExtension(Path.of("A.JPEG")));
        assertFalse(ImageFiles.hasImageExtension(Path.of("tif")));
        assertFalse(ImageFiles.hasImageExtension(Path.of("image.tif.bak")));
    }

    @Test
    void missingFolderIsNamedInTheError() {
        Path missing = dir.resolve("nope");
        IOException e = assertThrows(IOException.class, () -> ImageFiles.list(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void fileInsteadOfFolderIsNamedInTheError() throws IOException {
        Path file = Files.writeString(dir.resolve("a.tif"), "x");
        IOException e = assertThrows(IOException.class, () -> ImageFiles.list(file));
        assertTrue(e.getMessage().startsWith("Not a folder: "), e.getMessage());
    }
}
