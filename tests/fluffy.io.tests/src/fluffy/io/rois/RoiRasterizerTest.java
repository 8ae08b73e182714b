package fluffy.io.rois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.SharedData;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.ByteProcessor;

/** ROI sets to label maps: the overlap policy, what is skipped and why, and the real sets. */
class RoiRasterizerTest {

    private static RoiSet set(Roi... rois) {
        List<RoiSet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rois.length; i++) {
            entries.add(new RoiSet.Entry(i, "roi" + i + ".roi", rois[i]));
        }
        return new RoiSet(Path.of("RoiSet.zip"), entries, List.of());
    }

    private static long count(LabelMap map, int label) {
        return Arrays.stream(map.labels()).filter(l -> l == label).count();
    }

    @Test
    void theSmallerObjectWinsOverlapsWhateverTheOrder() throws IOException {
        Roi big = new Roi(0, 0, 10, 10);
        Roi small = new Roi(8, 8, 4, 4);
        Rasterization a = RoiRasterizer.rasterize(set(big, small), 20, 20);
        Rasterization b = RoiRasterizer.rasterize(set(small, big), 20, 20);
        assertEquals(2, a.objects());
        assertEquals(4, a.overlapPixels(), "the 2 x 2 corner is claimed twice");
        assertEquals(16, count(a.labels(), 2), "the small square keeps its shape");
        assertEquals(96, count(a.labels(), 1));
        assertEquals(16, count(b.labels(), 1), "labels follow zip order, pixels follow the policy");
        assertEquals(96, count(b.labels(), 2));
        assertEquals("2 area ROIs -> 2 objects, 4 overlapping pixel(s)", a.summary());
    }

    @Test
    void anObjectCoveredCompletelyBySmallerOnesIsReported() throws IOException {
        Rasterization r = RoiRasterizer.rasterize(set(new Roi(0, 0, 4, 2), new Roi(0, 0, 2, 2), new Roi(2, 0, 2, 2)), 10, 10);
        assertEquals(2, r.objects());
        assertTrue(r.skipped().get(0).toString().startsWith("roi0.roi: covered completely by smaller objects"), r.skipped().toString());
    }

    @Test
    void linesAndPointsAreSkippedWithAWarning() throws IOException {
        Rasterization r = RoiRasterizer.rasterize(set(new Line(0, 0, 9, 9), new PointRoi(3, 3), new OvalRoi(2, 2, 5, 5)), 10, 10);
        assertEquals(1, r.areaRois());
        assertEquals(1, r.objects());
        assertEquals(List.of("roi0.roi: straight line ROI is not an area; skipped", "roi1.roi: point ROI is not an area; skipped"),
                r.skipped().stream().map(Skipped::toString).toList());
    }

    @Test
    void roisCrossingTheBorderAreClippedAndRoisOutsideSkipped() throws IOException {
        Rasterization r = RoiRasterizer.rasterize(set(new Roi(-5, -5, 10, 10), new Roi(50, 50, 5, 5), new Roi(8, 8, 10, 10)), 10, 10);
        assertEquals(2, r.objects());
        assertEquals(2, r.clipped());
        assertEquals(25, count(r.labels(), 1));
        assertEquals(4, count(r.labels(), 2));
        assertEquals("roi1.roi: lies outside the 10 x 10 image; skipped", r.skipped().get(0).toString());
    }

    @Test
    void aRoiFarLargerThanTheImageIsSkippedWithoutAllocatingItsMask() throws IOException {
        Rasterization r = RoiRasterizer.rasterize(set(new OvalRoi(-200_000, -200_000, 400_000, 400_000), new Roi(1, 1, 2, 2)), 10, 10);
        assertEquals(1, r.objects());
        assertTrue(r.skipped().get(0).reason().contains("far larger than the 10 x 10 image"), r.skipped().toString());
    }

    @Test
    void anEmptySetOrOneDrawnOnAnotherImageIsAnError() {
        IOException empty = assertThrows(IOException.class, () -> RoiRasterizer.rasterize(set(), 10, 10));
        assertEquals("RoiSet.zip: holds no area ROI; nothing to make a label map from", empty.getMessage());
        IOException lines = assertThrows(IOException.class, () -> RoiRasterizer.rasterize(set(new Line(1, 1, 5, 5)), 10, 10));
        assertTrue(lines.getMessage().contains("(only lines or points)"), lines.getMessage());
        IOException elsewhere = assertThrows(IOException.class,
                () -> RoiRasterizer.rasterize(set(new Roi(600, 600, 20, 20), new OvalRoi(700, 10, 9, 9)), 512, 512));
        assertEquals("RoiSet.zip: none of its 2 area ROIs lies inside the 512 x 512 image; was it drawn on another image?",
                elsewhere.getMessage());
    }

    @Test
    void exactDuplicatesBecomeOneObject() throws IOException {
        Rasterization r = RoiRasterizer.rasterize(set(new OvalRoi(1, 1, 6, 6), new OvalRoi(1, 1, 6, 6)), 10, 10);
        assertEquals(1, r.objects());
        assertEquals("roi1.roi: duplicate of roi0.roi (same pixels); skipped", r.skipped().get(0).toString());
        assertEquals(0, r.overlapPixels());
    }

    /** The two CryoNuSeg sets: one object per distinct area ROI, each with exactly ImageJ's own pixels. */
    @Test
    void cryoNuSegSetsGiveOneObjectPerAreaRoi() throws IOException {
        Path cryo = SharedData.folder("roisets/cryonuseg");
        checkCryoNuSeg(cryo.resolve("TCGA-DE-A4MA"), 59, 0);
        // This set holds one nucleus twice (0280-0058-1.roi and 0280-0058.roi, the same pixels): it is
        // reported and becomes one object, since a label map cannot give one pixel two labels.
        checkCryoNuSeg(cryo.resolve("TCGA-S4-A8RO"), 117, 1);
    }

    private static void checkCryoNuSeg(Path folder, int areaRois, int duplicates) throws IOException {
        Path image;
        try (Stream<Path> files = Files.list(folder)) {
            image = files.filter(p -> p.toString().endsWith(".tif")).findFirst().orElseThrow();
        }
        ImageInfo info;
        try (ImageSource source = ImageFormats.platform().open(image)) {
            info = source.info(0);
        }
        RoiSet set = RoiSetReader.read(folder.resolve("RoiSet.zip"));
        Rasterization r = RoiRasterizer.rasterize(set, info.sizeX(), info.sizeY());
        assertEquals(areaRois, r.areaRois());
        long dups = r.skipped().stream().filter(s -> s.reason().startsWith("duplicate")).count();
        assertEquals(duplicates, dups, r.skipped().toString());
        assertEquals(duplicates, r.skipped().size(), "nothing else is left out: " + r.skipped());
        assertEquals(areaRois - duplicates, r.objects());
        assertEquals(r.objects(), r.labels().objectCount());
        assertEquals(r.objects(), r.labels().maxLabel());
        // Objects that overlap nothing have exactly the pixels ImageJ fills for their ROI.
        int label = 0;
        int compared = 0;
        for (RoiSet.Entry e : set.rois()) {
            boolean skipped = r.skipped().stream().anyMatch(s -> s.what().equals(e.name()));
            if (skipped) {
                continue;
            }
            label++;
            ByteProcessor fill = new ByteProcessor(info.sizeX(), info.sizeY());
            fill.setValue(255);
            fill.fill(e.roi());
            long filled = 0;
            boolean alone = true;
            byte[] px = (byte[]) fill.getPixels();
            for (int p = 0; p < px.length; p++) {
                if (px[p] != 0) {
                    filled++;
                    alone &= r.labels().labels()[p] == label;
                }
            }
            if (alone) {
                assertEquals(filled, count(r.labels(), label), e.name());
                compared++;
            }
        }
        assertTrue(compared > areaRois / 2, "most objects overlap nothing: " + compared);
    }

    /** Every single-ROI file of read-roi either becomes an object or is skipped with its reason. */
    @Test
    void everyReadRoiFileRasterisesOrIsSkippedWithAReason() throws IOException {
        List<String> areas = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedData.folder("roisets/read-roi"))) {
            for (Path file : files.sorted().toList()) {
                RoiSet set = RoiSetReader.read(file);
                assertEquals(1, set.rois().size(), file.toString());
                Roi roi = set.rois().get(0).roi();
                if (roi.isArea()) {
                    Rasterization r = RoiRasterizer.rasterize(set, 256, 256);
                    assertEquals(1, r.objects(), file.toString());
                    assertTrue(count(r.labels(), 1) > 0);
                    assertEquals(roi.getBounds().x < 0 || roi.getBounds().y < 0 ? 1 : 0, r.clipped(), file.toString());
                    areas.add(file.getFileName().toString());
                } else {
                    IOException e = assertThrows(IOException.class, () -> RoiRasterizer.rasterize(set, 256, 256));
                    assertTrue(e.getMessage().contains("only lines or points"), e.getMessage());
                    skipped.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(17, areas.size(), areas.toString());
        assertEquals(List.of("freeline.roi", "line1.roi", "line2.roi", "multipoint.roi", "point.roi", "polyline.roi"), skipped);
    }

    @Test
    void theSyntheticSetWithEveryRoiTypeGivesTenObjects() throws IOException {
        RoiSet set = RoiSetReader.read(SharedData.file("tiff-variants", "synthetic_RoiSet.zip"));
        Rasterization r = RoiRasterizer.rasterize(set, 200, 160);
        assertEquals(10, r.areaRois());
        assertEquals(10, r.objects());
        assertEquals(List.of("0011-line.roi", "0012-points.roi"), r.skipped().stream().map(Skipped::what).toList());
        // The donut keeps its hole: the centre of its bounding box (130..180) is background.
        assertEquals(0, r.labels().get(155, 105));
        assertEquals(6, r.labels().get(132, 105));
    }
}
