package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.output.OutputFormat;
import fluffy.inference.output.TiffStack;
import fluffy.io.RowReader;
import fluffy.io.rois.LabelMapFiles;
import fluffy.runtime.session.SessionSettings;

/**
 * Prediction by bands finds the objects a whole-image pass finds, keeps each once, hands every object to the
 * outputs exactly as the label map has it, and is what {@link BatchPrediction} does with a large TIFF.
 */
class BandedPredictionTest {

    /** Collects what the bands give: the label rows, and the objects re-placed into a second map. */
    private static final class Collected implements BandedPrediction.Sink {
        final int width;
        final int[] rows;
        final int[] objects;
        int rowsSeen;
        final List<Integer> firstLabels = new ArrayList<>();

        Collected(int width, int height) {
            this.width = width;
            this.rows = new int[width * height];
            this.objects = new int[width * height];
        }

        @Override
        public void objects(LabelMap found, Plane image, int x0, int y0, int firstLabel) {
            assertEquals(found.width(), image.width());
            assertEquals(found.height(), image.height());
            firstLabels.add(firstLabel);
            for (int y = 0; y < found.height(); y++) {
                for (int x = 0; x < found.width(); x++) {
                    int k = found.get(x, y);
                    if (k != 0) {
                        int p = (y0 + y) * width + x0 + x;
                        assertEquals(0, objects[p], "a pixel handed over twice");
                        objects[p] = k + firstLabel - 1;
                    }
                }
            }
        }

        @Override
        public void rows(int[] labels, int n) {
            System.arraycopy(labels, 0, rows, rowsSeen * width, n * width);
            rowsSeen += n;
        }
    }

    @Test
    void bandsFindWhatTheWholeImageShowsAndKeepEachObjectOnce() throws Exception {
        FluffyModel model = TinyModel.get();
        SyntheticNuclei.Sample sample = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(700, 610)).generate(11);
        Plane image = sample.image();
        LabelMap whole;
        Collected bands = new Collected(700, 610);
        BandedPrediction.Result result;
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.DEFAULT)) {
            whole = p.segment(image, PostProcessing.DEFAULT, false, new NullProgressMonitor()).labels();
            // Blocks of 256 x 128 (with their 128-pixel halo, 512 x 384): 5 bands of 3 blocks.
            result = BandedPrediction.predict(p, PostProcessing.DEFAULT, RowReader.of(image),
                    new BandedPrediction.Layout(700, 610, 256, 128), bands, new NullProgressMonitor());
        }
        assertEquals(610, bands.rowsSeen);
        assertEquals(15, result.blocks());
        LabelMap banded = new LabelMap(700, 610, bands.rows);
        // Every label 1..n is used once, and each object the outputs measured is exactly its label map pixels.
        assertEquals(result.objects(), banded.maxLabel());
        assertEquals(result.objects(), banded.objectCount());
        assertTrue(java.util.Arrays.equals(bands.rows, bands.objects), "objects handed over differ from the label map");
        ObjectMatching.Result same = ObjectMatching.match(whole, banded, 0.9);
        System.out.printf(Locale.ROOT, "whole %d objects, bands %d; matched at IoU 0.9: %d (F1 %.4f)%n",
                whole.objectCount(), banded.objectCount(), same.truePositives(), same.f1());
        assertTrue(whole.objectCount() > 100, "the test image has objects");
        assertTrue(same.f1() >= 0.99, "bands differ from the whole image: F1 at IoU 0.9 " + same.f1());
        ObjectMatching.Result truth = ObjectMatching.match(sample.labels(), banded, 0.5);
        assertTrue(truth.f1() > 0.6, "F1 against the truth " + truth.f1());
    }

    @Test
    void aLargeTiffIsPredictedByBandsIntoTheUsualFiles(@TempDir Path dir) throws Exception {
        BatchPrediction.FileResult r = predictLargeTiff(dir, ObjectScale.NATIVE, java.util.EnumSet.allOf(OutputFormat.class));
        assertFalse(r.detail().contains("predicted at"), r.line());
        Path out = dir.resolve("out");
        // QuPath's GeoJSON has a feature per object; the OME-TIFF holds the same label map.
        String geojson = Files.readString(out.resolve("large.geojson"));
        assertEquals(r.objects(), geojson.split("\"type\": \"Feature\"", -1).length - 1);
        assertEquals(LabelMapFiles.read(out.resolve("large.tif")), LabelMapFiles.read(out.resolve("large_labels.ome.tif")));
    }

    /** Objects of another size than the model's: the bands are predicted rescaled, the outputs come back. */
    @Test
    void aLargeTiffOfLargerObjectsIsPredictedRescaledByBands(@TempDir Path dir) throws Exception {
        double reference = TinyModel.get().description().objectDiameter();
        BatchPrediction.FileResult r = predictLargeTiff(dir, ObjectScale.diameter(reference / 1.5), OutputFormat.DEFAULT);
        assertTrue(r.detail().contains("predicted at 1.50x"), r.line());
    }

    /**
     * Predicts a 4200 x 4100 TIFF (just above the size predicted by bands: a synthetic image repeated) and
     * checks that the label map, the CSV and the ROI set describe the same objects.
     */
    private static BatchPrediction.FileResult predictLargeTiff(Path dir, ObjectScale scale,
            java.util.Set<OutputFormat> formats) throws Exception {
        SyntheticNuclei.Sample tile = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(600, 410)).generate(3);
        int w = 4200;
        int h = 4100;
        assertTrue(BandedPrediction.suits(w, h));
        Path input = dir.resolve("large.tif");
        try (TiffStack tiff = new TiffStack(input, w, h, TiffStack.Type.UINT16, 1, 1, 1)) {
            float max = tile.image().range()[1];
            tiff.page((y, row) -> {
                for (int x = 0; x < w; x++) {
                    row[x] = Math.round(tile.image().get(x % 600, y % 410) / max * 4000);
                }
            });
        }
        Path out = dir.resolve("out");
        List<BatchPrediction.FileResult> results;
        try (Predictor p = new Predictor(TinyModel.get(), SessionSettings.cpu(), TileSettings.DEFAULT)) {
            BatchPrediction.Request request = new BatchPrediction.Request(List.of(input), out, InputType.FRAME, -1,
                    PostProcessing.DEFAULT, false, scale, true, formats);
            results = BatchPrediction.run(p, request, new NullProgressMonitor(), r -> { });
        }
        BatchPrediction.FileResult r = results.get(0);
        assertFalse(r.failed(), r.line());
        assertTrue(r.detail().contains("by bands"), r.line());
        LabelMap labels = LabelMapFiles.read(out.resolve("large.tif"));
        assertEquals(w, labels.width());
        assertEquals(h, labels.height());
        assertTrue(r.objects() > 1000, r.line());
        assertEquals(r.objects(), labels.objectCount());
        List<String> csv = Files.readAllLines(out.resolve("large_objects.csv"));
        assertEquals(r.objects() + 1, csv.size(), "a CSV row per object");
        try (ZipFile zip = new ZipFile(out.resolve("large_RoiSet.zip").toFile())) {
            assertEquals(r.objects(), zip.size(), "a ROI per object");
        }
        // The CSV's area and bounding box of every 50th object are those of its pixels in the label map.
        java.util.Map<Integer, long[]> boxes = new java.util.HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = labels.get(x, y);
                if (k != 0) {
                    long[] b = boxes.computeIfAbsent(k, key -> new long[] {0, Long.MAX_VALUE, Long.MAX_VALUE});
                    b[0]++;
                    b[1] = Math.min(b[1], x);
                    b[2] = Math.min(b[2], y);
                }
            }
        }
        for (int i = 1; i < csv.size(); i += 50) {
            String[] row = csv.get(i).split(",");
            long[] b = boxes.get(Integer.parseInt(row[2]));
            assertEquals(List.of(b[0], b[1], b[2]), List.of(Long.parseLong(row[3]), Long.parseLong(row[6]),
                    Long.parseLong(row[7])), "area, bbox_x, bbox_y of object " + row[2]);
        }
        assertTrue(Files.size(out.resolve("large_overlay.png")) > 0);
        try (var files = Files.list(out)) {
            List<String> expected = new ArrayList<>(List.of("large.tif", "large_RoiSet.zip", "large_mask.png",
                    "large_objects.csv", "large_overlay.png"));
            if (formats.contains(OutputFormat.GEOJSON)) {
                expected.addAll(List.of("large.geojson", "large_labels.ome.tif"));
            }
            assertEquals(expected.stream().sorted().toList(), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        return r;
    }

    @Test
    void blocksStartWhereTheNetworkSeesWhatAWholeImagePassSees() {
        // A 3% difference when they did not: BandedPrediction.ALIGN.
        assertThrowsIllegal(() -> new BandedPrediction.Layout(700, 610, 200, 150));
        BandedPrediction.Layout wide = BandedPrediction.Layout.of(40000, 40000);
        assertEquals(0, wide.coreHeight() % BandedPrediction.ALIGN);
        assertEquals(0, wide.coreWidth() % BandedPrediction.ALIGN);
        assertEquals(0, BandedPrediction.HALO % BandedPrediction.ALIGN);
        assertTrue(wide.coreHeight() >= 512, "bands of " + wide.coreHeight() + " rows");
    }

    private static void assertThrowsIllegal(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }

    @Test
    void bigTiffLabelMapsAreWrittenWhenTheyNeedIt() {
        assertFalse(TiffStack.needsBigTiff(40000, 40000, TiffStack.Type.UINT16, 1));
        assertTrue(TiffStack.needsBigTiff(40000, 40000, TiffStack.Type.UINT32, 1));

    }
}
