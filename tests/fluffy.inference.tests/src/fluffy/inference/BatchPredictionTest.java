package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.rois.LabelMapFiles;
import fluffy.runtime.session.SessionSettings;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/** Every output of a prediction, read back with ImageJ and Fluffy's readers. */
class BatchPredictionTest {

    private final SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(200, 160));

    @Test
    void anImageGetsLabelMapMaskOverlayRoisMeasurementsAndProbabilities(@TempDir Path dir) throws Exception {
        SyntheticNuclei.Sample sample = generator.generate(5);
        Path input = save(dir.resolve("in/cells.ome.tif"), List.of(sample));
        List<BatchPrediction.FileResult> results = predict(List.of(input), dir.resolve("out"), InputType.FRAME, true);
        BatchPrediction.FileResult r = results.get(0);
        assertFalse(r.failed(), r.line());

        LabelMap labels = LabelMapFiles.read(dir.resolve("out/cells.tif"));
        assertEquals(200, labels.width());
        assertEquals(r.objects(), labels.maxLabel(), "labels are 1..n");
        assertTrue(ObjectMatching.match(sample.labels(), labels, 0.5).f1() > 0.6, "found the nuclei");
        ImagePlus mask = IJ.openImage(dir.resolve("out/cells_mask.png").toString());
        for (int i = 0; i < labels.labels().length; i++) {
            assertEquals(labels.labels()[i] != 0 ? 255 : 0, mask.getProcessor().get(i % 200, i / 200));
        }
        ImagePlus overlay = IJ.openImage(dir.resolve("out/cells_overlay.png").toString());
        assertEquals(ImagePlus.COLOR_RGB, overlay.getType());
        assertEquals(160, overlay.getHeight());
        List<String> csv = Files.readAllLines(dir.resolve("out/cells_objects.csv"));
        assertEquals(r.objects() + 1, csv.size());
        assertTrue(csv.get(0).startsWith("z,t,label,area,centroid_x") && csv.get(0).endsWith(",perimeter,circularity,"
                + "solidity,major_axis_length,minor_axis_length,eccentricity,orientation"), csv.get(0));
        try (ZipFile rois = new ZipFile(dir.resolve("out/cells_RoiSet.zip").toFile())) {
            assertEquals(r.objects(), rois.size());
        }
        ImagePlus probabilities = IJ.openImage(dir.resolve("out/cells_probabilities.tif").toString());
        assertEquals(3, probabilities.getNChannels());
        assertEquals(ImagePlus.GRAY32, probabilities.getType());
        try (var files = Files.list(dir.resolve("out"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void everyFrameOfAStackBecomesAHyperstackAndTimeSeriesProjectZ(@TempDir Path dir) throws Exception {
        List<SyntheticNuclei.Sample> planes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            planes.add(generator.generate(20 + i));
        }
        Path input = save(dir.resolve("in/stack.tif"), planes); // Z2 T3
        predict(List.of(input), dir.resolve("all"), InputType.ALL, false);
        try (ImageSource labels = ImageFormats.platform().open(dir.resolve("all/stack.tif"))) {
            ImageInfo info = labels.info(0);
            assertEquals(2, info.sizeZ(), info.describe());
            assertEquals(3, info.sizeT(), info.describe());
        }
        assertTrue(Files.isRegularFile(dir.resolve("all/stack_overlay_6.png")));
        predict(List.of(input), dir.resolve("time"), InputType.TIMESERIES, false);
        try (ImageSource labels = ImageFormats.platform().open(dir.resolve("time/stack.tif"))) {
            assertEquals(1, labels.info(0).sizeZ());
            assertEquals(3, labels.info(0).sizeT());
        }
        BatchPrediction.FileResult z = predict(List.of(input), dir.resolve("z"), InputType.ZSTACK, false).get(0);
        assertTrue(z.detail().equals("200 x 160"), z.detail());
    }

    @Test
    void aBadFileIsNamedAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path good = save(dir.resolve("in/good.tif"), List.of(generator.generate(1)));
        Path bad = dir.resolve("in/bad.tif");
        Files.writeString(bad, "no image here");
        List<BatchPrediction.FileResult> results = predict(List.of(bad, good), dir.resolve("out"), InputType.FRAME,
                false);
        assertTrue(results.get(0).failed());
        assertTrue(results.get(0).line().startsWith("bad.tif: FAILED: "), results.get(0).line());
        assertFalse(results.get(1).failed(), results.get(1).line());
        assertTrue(Files.isRegularFile(dir.resolve("out/good.tif")));
    }

    @Test
    void aSecondInputWithTheSameStemFailsRatherThanOverwriteTheFirstsOutputs(@TempDir Path dir) throws Exception {
        Path first = save(dir.resolve("a/cells.tif"), List.of(generator.generate(1)));
        Path second = save(dir.resolve("b/cells.tif"), List.of(generator.generate(2)));
        List<BatchPrediction.FileResult> results = predict(List.of(first, second), dir.resolve("out"),
                InputType.FRAME, false);
        assertFalse(results.get(0).failed(), results.get(0).line());
        assertTrue(results.get(1).failed() && results.get(1).detail().contains("same name stem 'cells'"),
                results.get(1).line());
        byte[] written = Files.readAllBytes(dir.resolve("out/cells.tif"));
        assertTrue(written.length > 0, "the first image's outputs stay");
    }

    @Test
    void theOmeTiffLabelMapCarriesTheInputsCalibrationAndTheSameLabels(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in/calibrated.tif");
        Files.createDirectories(input.getParent());
        SyntheticNuclei.Sample sample = generator.generate(3);
        short[] pixels = new short[200 * 160];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (short) Math.round(sample.image().data()[p]);
        }
        ImagePlus imp = new ImagePlus("calibrated", new ShortProcessor(200, 160, pixels, null));
        imp.getCalibration().pixelWidth = 0.25;
        imp.getCalibration().pixelHeight = 0.3;
        imp.getCalibration().setUnit("micron");
        assertTrue(new FileSaver(imp).saveAsTiff(input.toString()));
        try (Predictor predictor = new Predictor(TinyModel.get(), SessionSettings.cpu(), TileSettings.DEFAULT)) {
            BatchPrediction.FileResult r = BatchPrediction.run(predictor, new BatchPrediction.Request(List.of(input),
                    dir.resolve("out"), InputType.FRAME, -1, PostProcessing.DEFAULT, false, ObjectScale.NATIVE, true,
                    fluffy.inference.output.OutputFormat.parse("tif,ome-tiff")), new NullProgressMonitor(), x -> { })
                    .get(0);
            assertFalse(r.failed(), r.line());
        }
        Path ome = dir.resolve("out/calibrated_labels.ome.tif");
        try (ImageSource source = ImageFormats.platform().open(ome)) {
            // ImageJ keeps a calibration as a TIFF resolution (a float): 0.3 comes back as 0.30000003.
            assertEquals(0.25, source.pixelSize(0).x(), 1e-6, "PhysicalSizeX");
            assertEquals(0.3, source.pixelSize(0).y(), 1e-6, "PhysicalSizeY");
            LabelMap labels = LabelMapFiles.read(dir.resolve("out/calibrated.tif"));
            float[] expected = new float[labels.labels().length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = labels.labels()[i];
            }
            assertArrayEquals(expected, source.readPlane(0, 0, 0, 0).data(), "the same labels");
            assertTrue(labels.maxLabel() > 0);
        }
        try (ImageSource original = ImageFormats.platform().open(input)) {
            assertEquals(0.25, original.pixelSize(0).x(), 1e-6, "ImageJ's calibration is read");
        }
        String xml = IJ.openImage(ome.toString()).getInfoProperty();
        assertTrue(xml == null || xml.isEmpty() || xml.contains("OME"), "ImageJ opens it");
        assertEquals(List.of("calibrated.tif", "calibrated_labels.ome.tif"), fileNames(dir.resolve("out")),
                "only the formats asked for");
    }

    private static List<String> fileNames(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aChannelBeyondTheImageIsRefusedWithTheFileName(@TempDir Path dir) throws Exception {
        Path input = save(dir.resolve("in/one.tif"), List.of(generator.generate(1)));
        try (Predictor predictor = new Predictor(TinyModel.get(), SessionSettings.cpu(), TileSettings.DEFAULT)) {
            BatchPrediction.FileResult r = BatchPrediction.run(predictor, new BatchPrediction.Request(List.of(input),
                    dir.resolve("out"), InputType.FRAME, 1, PostProcessing.DEFAULT, false), new NullProgressMonitor(),
                    x -> { }).get(0);
            assertTrue(r.failed());
            assertTrue(r.detail().contains("one.tif") && r.detail().contains("channel 2"), r.detail());
        }
    }

    @Test
    void labelMapsBeyond65535ObjectsAreWrittenAsUint32AndReadBack(@TempDir Path dir) throws Exception {
        LabelMap many = LabelMap.empty(300, 300);
        for (int i = 0; i < many.labels().length; i++) {
            many.labels()[i] = i + 1; // 90,000 one-pixel objects
        }
        Path file = dir.resolve("many.tif");
        try (var tiff = new fluffy.inference.output.TiffStack(file, 300, 300,
                fluffy.inference.output.TiffStack.Type.UINT32, 1, 1, 1)) {
            tiff.page(many.labels());
        }
        assertArrayEquals(many.labels(), LabelMapFiles.read(file).labels());
    }

    private static List<BatchPrediction.FileResult> predict(List<Path> inputs, Path out, InputType type,
            boolean probabilities) throws Exception {
        try (Predictor predictor = new Predictor(TinyModel.get(), SessionSettings.cpu(), new TileSettings(128, 32, 2))) {
            return BatchPrediction.run(predictor, new BatchPrediction.Request(inputs, out, type, -1,
                    PostProcessing.DEFAULT, probabilities), new NullProgressMonitor(), r -> { });
        }
    }

    /** A 16-bit TIFF; several samples become an ImageJ hyperstack of 2 slices by n/2 frames. */
    private static Path save(Path file, List<SyntheticNuclei.Sample> samples) throws Exception {
        Files.createDirectories(file.getParent());
        ImageStack stack = new ImageStack(200, 160);
        for (SyntheticNuclei.Sample s : samples) {
            short[] pixels = new short[200 * 160];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = (short) Math.min(65535, Math.round(s.image().data()[p]));
            }
            stack.addSlice(new ShortProcessor(200, 160, pixels, null));
        }
        ImagePlus imp = new ImagePlus("img", stack);
        if (samples.size() > 1) {
            imp.setDimensions(1, 2, samples.size() / 2);
            imp.setOpenAsHyperStack(true);
        }
        FileSaver saver = new FileSaver(imp);
        assertTrue(samples.size() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString()));
        return file;
    }
}
