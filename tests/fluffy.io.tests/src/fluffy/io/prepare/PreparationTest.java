package fluffy.io.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.workspace.ItemState;
import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.TestImages;

/** Preparing a whole workspace: per-file outcomes, bad files, and annotated items left alone. */
class PreparationTest {

    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void createWorkspace() throws IOException {
        workspace = Workspace.create(dir.resolve("ws"));
        TestImages.hyperstack(workspace.raw().resolve("stack.tif"), 8, 6, 1, 4, 1);
        TestImages.hyperstack(workspace.raw().resolve("flat.tif"), 8, 6, 1, 1, 1);
        Files.writeString(workspace.raw().resolve("notes.txt"), "not an image");
        Files.writeString(workspace.raw().resolve("broken.png"), "not a png either");
        Files.writeString(workspace.raw().resolve("scan.czi"), "no CZI reader in this test runtime");
        Files.copy(workspace.raw().resolve("flat.tif"), workspace.raw().resolve("flat.v2.tif"));
    }

    private List<FileReport> prepare(PrepareOptions options) throws IOException {
        List<FileReport> seen = new ArrayList<>();
        List<FileReport> reports = new Preparation(workspace, options, ImageFormats.platform())
                .run(seen::add, new NullProgressMonitor());
        assertEquals(reports, seen, "every report is passed on as it happens");
        return reports;
    }

    private static List<String> lines(List<FileReport> reports, String verb) {
        return reports.stream().map(r -> r.line(verb)).toList();
    }

    @Test
    void badFilesAreReportedAndTheOthersStillPrepared() throws IOException {
        List<String> lines = new ArrayList<>(lines(prepare(PrepareOptions.defaults()), "prepared"));
        // An image by the original Fluffy's extensions fails with the reason even when no reader claims it.
        assertTrue(lines.remove(4).startsWith("scan.czi: FAILED: "), lines.toString());
        assertEquals(List.of(
                "broken.png: FAILED: the name says TIFF, MetaMorph STK, PNG, JPEG, GIF, BMP (ImageJ) but the content is not "
                        + "(a damaged file, or one that lies about its type)",
                "flat.tif: prepared flat (8 x 6, C1 uint16, TIFF (ImageJ))",
                "flat.v2.tif: FAILED: its item name 'flat' (the name up to the first dot) is taken by flat.tif; rename one of them",
                "notes.txt: ignored (not an image file by its name)",
                "stack.tif: FAILED: it is a z-stack of 4 slices (8 x 6, C1 Z4 T1, uint16): choose --zstack "
                        + "[--projection max|mean|sum] or --all-slices"), lines);
        assertEquals(ItemState.PREPARED, workspace.state("flat"));
        assertTrue(Files.isDirectory(workspace.labelingMasks("flat")), "an empty masks/ folder waits beside the image");
    }

    @Test
    void aZStackIsProjectedOrSplitAndTheFilesAreReadable() throws IOException {
        prepare(PrepareOptions.defaults().withProjection(Projection.MAX));
        try (ImageSource out = ImageFormats.platform().open(workspace.labelingImage("stack"))) {
            ImageInfo info = out.info(0);
            assertTrue(info.isSpatially2D() && info.sizeC() == 1, info.describe());
            assertEquals(TestImages.value(0, 3, 0, 1, 2), out.readPlane(0, 0, 0, 0).get(1, 2));
        }
        prepare(PrepareOptions.defaults().withAllSlices());
        for (int z = 0; z < 4; z++) {
            try (ImageSource out = ImageFormats.platform().open(workspace.labelingImage("stack_" + z))) {
                assertEquals(TestImages.value(0, z, 0, 7, 5), out.readPlane(0, 0, 0, 0).get(7, 5));
            }
        }
    }

    @Test
    void annotatedItemsAreKeptAndNeverOverwritten() throws IOException {
        prepare(PrepareOptions.defaults().withAllSlices());
        Files.writeString(workspace.roiSet("flat"), "the user's annotations");
        Files.writeString(workspace.labelingMasks("stack_2").resolve("mask_1.png"), "a mask");
        byte[] before = Files.readAllBytes(workspace.labelingImage("stack_2"));
        TestImages.hyperstack(workspace.raw().resolve("stack.tif"), 8, 6, 1, 4, 2);
        TestImages.hyperstack(workspace.raw().resolve("flat.tif"), 3, 3, 1, 1, 1);
        List<FileReport> reports = prepare(PrepareOptions.defaults().withAllSlices());
        List<String> lines = lines(reports, "prepared");
        assertTrue(lines.get(4).startsWith("scan.czi: FAILED"), lines.toString());
        assertEquals("flat.tif: kept flat: already annotated, not overwritten", lines.get(1));
        assertTrue(lines.get(5).startsWith("stack.tif: prepared 7 items stack_0 .. stack_7"), lines.get(5));
        assertTrue(lines.get(5).endsWith("; kept stack_2: already annotated, not overwritten"), lines.get(5));
        assertArrayEquals(before, Files.readAllBytes(workspace.labelingImage("stack_2")));
        assertEquals("the user's annotations", Files.readString(workspace.roiSet("flat")));
        try (ImageSource flat = ImageFormats.platform().open(workspace.labelingImage("flat"))) {
            assertEquals(8, flat.info(0).sizeX(), "the annotated image is still the one annotated");
        }
    }
}
