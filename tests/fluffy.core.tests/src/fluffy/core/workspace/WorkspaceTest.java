package fluffy.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.ImageFiles;

/** The workspace model over a folder laid out as the original Fluffy's. */
class WorkspaceTest {

    @TempDir
    Path dir;

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void theLayoutIsTheOriginalFluffys() {
        Workspace ws = new Workspace(Path.of("/data/exp"));
        assertEquals(Path.of("/data/exp/Labeling/cell_1/images/cell_1.tif"), ws.labelingImage("cell_1"));
        assertEquals(Path.of("/data/exp/Labeling/cell_1/masks"), ws.labelingMasks("cell_1"));
        assertEquals(Path.of("/data/exp/Labeling/cell_1/RoiSet.zip"), ws.roiSet("cell_1"));
        assertEquals(Path.of("/data/exp/Processed/images/cell_1.tif"), ws.processedImage("cell_1"));
        assertEquals(Path.of("/data/exp/Processed/masks/cell_1.tif"), ws.processedMask("cell_1"));
        assertEquals("cells", Workspace.itemName(Path.of("cells.ome.tif")), "the name ends at the first dot");
    }

    @Test
    void itemsAndTheirStates() throws IOException {
        Workspace ws = Workspace.create(dir);
        touch(ws.raw().resolve("a.tif"));
        touch(ws.raw().resolve("b.czi"));
        touch(ws.raw().resolve("c10.png"));
        touch(ws.raw().resolve("c9.png"));
        touch(ws.raw().resolve("notes.txt"));
        touch(ws.raw().resolve("sub/ignored.tif"));
        touch(ws.labelingImage("b_0"));
        touch(ws.labelingImage("b_1"));
        touch(ws.roiSet("b_1"));
        touch(ws.labelingImage("c9"));
        touch(ws.labelingMasks("c9").resolve("mask_1.png"));
        touch(ws.labelingImage("old"));
        touch(ws.roiSet("old"));
        touch(ws.processedImage("old"));
        touch(ws.processedMask("old"));
        List<WorkspaceItem> items = ws.items(ImageFiles::hasImageExtension);
        assertEquals(List.of("a raw", "b raw", "b_0 prepared", "b_1 annotated", "c9 annotated", "c10 raw", "old labelled"),
                items.stream().map(i -> i.name() + " " + i.state()).toList());
        assertEquals(Optional.of(ws.raw().resolve("b.czi")), items.get(3).raw(), "slices know their raw file");
        assertEquals(Optional.empty(), items.get(6).raw());
        assertEquals(List.of("b_0", "b_1", "c9", "old"), ws.labelingItems());
    }

    @Test
    void openingSomethingElseSaysWhatToDo() throws IOException {
        IOException none = assertThrows(IOException.class, () -> Workspace.open(dir));
        assertTrue(none.getMessage().endsWith("is not a Fluffy workspace (no Raw/, Labeling/ or Processed/); run 'fluffy init "
                + dir + "' first"), none.getMessage());
        assertThrows(IOException.class, () -> Workspace.open(dir.resolve("missing")));
        Files.createDirectories(dir.resolve("Processed"));
        assertEquals(dir, Workspace.open(dir).root(), "an original Fluffy folder with only Processed/ opens");
    }
}
