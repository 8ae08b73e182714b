package fluffy.io.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.workspace.ItemState;
import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;
import fluffy.io.SharedData;
import fluffy.io.TestImages;
import fluffy.io.rois.LabelMapFiles;
import fluffy.io.rois.LabelMapRois;

/** From annotations in Labeling/ to training pairs in Processed/, on the real CryoNuSeg annotations. */
class LabellingTest {

    @TempDir
    Path dir;

    private List<FileReport> label(Workspace ws, boolean masks) throws IOException {
        return new Labelling(ws, masks, ImageFormats.platform()).run(r -> { }, new NullProgressMonitor());
    }

    /** A workspace whose Raw/ holds the CryoNuSeg images, prepared, with their ROI sets where Fiji puts them. */
    private Workspace cryoNuSeg() throws IOException {
        Workspace ws = Workspace.create(dir.resolve("ws"));
        Path cryo = SharedData.folder("roisets/cryonuseg");
        try (Stream<Path> cases = Files.list(cryo)) {
            for (Path folder : cases.sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    Path tif = files.filter(p -> p.toString().endsWith(".tif")).findFirst().orElseThrow();
                    Files.copy(tif, ws.raw().resolve(tif.getFileName()));
                }
            }
        }
        new Preparation(ws, PrepareOptions.defaults(), ImageFormats.platform()).run(r -> { }, new NullProgressMonitor());
        for (String name : ws.labelingItems()) {
            Files.copy(cryo.resolve(name.substring(0, 12)).resolve("RoiSet.zip"), ws.roiSet(name));
        }
        return ws;
    }

    @Test
    void cryoNuSegAnnotationsBecomeTrainingPairs() throws IOException {
        Workspace ws = cryoNuSeg();
        List<FileReport> reports = label(ws, true);
        assertEquals(List.of(
                "TCGA-DE-A4MA-01A-01-TSA: labelled TCGA-DE-A4MA-01A-01-TSA (RoiSet.zip: 59 area ROIs -> 59 objects, "
                        + "2 overlapping pixel(s); 59 mask PNG(s) written)",
                "TCGA-S4-A8RO-01A-01-TS1: labelled TCGA-S4-A8RO-01A-01-TS1 (RoiSet.zip: 117 area ROIs -> 116 objects, "
                        + "1 duplicate(s) dropped, 328 overlapping pixel(s); 116 mask PNG(s) written)"),
                reports.stream().map(r -> r.line("labelled")).toList());
        assertEquals(List.of("0280-0058.roi: duplicate of 0280-0058-1.roi (same pixels); skipped"), reports.get(1).warnings());
        String name = "TCGA-S4-A8RO-01A-01-TS1";
        assertEquals(ItemState.LABELLED, ws.state(name));
        LabelMap map = LabelMapFiles.read(ws.processedMask(name));
        assertEquals(116, map.objectCount());
        assertEquals(512, map.width());
        assertArrayEquals(Files.readAllBytes(ws.labelingImage(name)), Files.readAllBytes(ws.processedImage(name)));
        assertEquals(116, ws.maskFiles(name).size());
    }

    @Test
    void masksAreNeverWrittenIntoAFolderThatHoldsFiles() throws IOException {
        Workspace ws = cryoNuSeg();
        String name = "TCGA-DE-A4MA-01A-01-TSA";
        Files.writeString(ws.labelingMasks(name).resolve("notes.txt"), "mine");
        FileReport report = label(ws, true).get(0);
        assertTrue(report.line("labelled").endsWith("masks not written)"), report.line("labelled"));
        assertTrue(report.warnings().contains("masks/: already holds files; mask PNGs not written, nothing overwritten"));
        assertEquals(List.of(ws.labelingMasks(name).resolve("notes.txt")), ws.maskFiles(name));
    }

    @Test
    void existingLabelMapMasksAreImportedWhenThereIsNoRoiSet() throws IOException {
        Workspace ws = Workspace.create(dir.resolve("ws"));
        Path masks = SharedData.folder("dsb2018-fluo/masks");
        Path mask;
        try (Stream<Path> files = Files.list(masks)) {
            mask = files.sorted().findFirst().orElseThrow();
        }
        String name = Workspace.itemName(mask);
        Files.createDirectories(ws.labelingImage(name).getParent());
        Files.copy(masks.resolveSibling("images").resolve(mask.getFileName()), ws.labelingImage(name));
        Files.createDirectories(ws.labelingMasks(name));
        Files.copy(mask, ws.labelingMasks(name).resolve(mask.getFileName()));
        FileReport report = label(ws, false).get(0);
        assertEquals(FileReport.Status.DONE, report.status(), report.line("labelled"));
        assertEquals(LabelMapFiles.read(mask).relabelled(), LabelMapFiles.read(ws.processedMask(name)).relabelled());
    }

    @Test
    void problemsAreReportedPerItem() throws IOException {
        Workspace ws = Workspace.create(dir.resolve("ws"));
        TestImages.hyperstack(ws.raw().resolve("empty.tif"), 20, 20, 1, 1, 1);
        TestImages.hyperstack(ws.raw().resolve("other.tif"), 20, 20, 1, 1, 1);
        TestImages.hyperstack(ws.raw().resolve("plain.tif"), 20, 20, 1, 1, 1);
        TestImages.hyperstack(ws.raw().resolve("small.tif"), 20, 20, 1, 1, 1);
        new Preparation(ws, PrepareOptions.defaults(), ImageFormats.platform()).run(r -> { }, new NullProgressMonitor());
        LabelMapRois.write(LabelMap.empty(1, 1), ws.roiSet("empty"));
        Files.createDirectories(ws.labelingMasks("orphan"));
        Files.writeString(ws.roiSet("orphan"), "x");
        Files.writeString(ws.roiSet("other"), "this is no zip");
        // Drawn on a larger image: the object lies beyond the 20 x 20 one.
        LabelMap elsewhere = LabelMap.empty(200, 200);
        elsewhere.set(150, 150, 1);
        LabelMapRois.write(elsewhere, ws.roiSet("small"));
        List<String> lines = label(ws, false).stream().map(r -> r.line("labelled")).toList();
        assertEquals("empty: FAILED: RoiSet.zip: holds no area ROI; nothing to make a label map from", lines.get(0));
        assertEquals("orphan: FAILED: no image at Labeling/orphan/images/orphan.tif (the image the annotations belong to)",
                lines.get(1));
        assertTrue(lines.get(2).startsWith("other: FAILED: RoiSet.zip: not a valid zip file"), lines.get(2));
        assertEquals("plain: ignored (not annotated yet: no RoiSet.zip and no masks)", lines.get(3));
        assertEquals("small: FAILED: RoiSet.zip: none of its 1 area ROIs lies inside the 20 x 20 image; "
                + "was it drawn on another image?", lines.get(4));
    }
}
