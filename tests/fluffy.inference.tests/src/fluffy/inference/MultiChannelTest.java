package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.ChannelSelection;
import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.synthetic.SyntheticCells;
import fluffy.inference.export.BioImageIoPackage;
import fluffy.inference.output.OutputFormat;
import fluffy.io.SyntheticPairs;
import fluffy.io.rois.LabelMapFiles;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.RunFolder;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Split;

/**
 * Several channels, end to end on real files: two-channel TIFFs of synthetic cells (cytoplasm, nuclei) with
 * the cells as label maps; a model trained on both channels records them, prediction reads both from the
 * files by itself and finds the cells far better than the same training on the nuclear channel alone (which
 * cannot see where a cell ends); a wrong number of channels is refused; the two-channel model exported as a
 * bioimage.io package and read back gives the same label maps.
 */
class MultiChannelTest {

    private static final CategoricalUNet TYPE = new CategoricalUNet();
    private static final HyperparameterValues VALUES = HyperparameterValues.of(TYPE.hyperparameters(),
            Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0));
    private static final SyntheticCells CELLS = new SyntheticCells(160, 160, 14);

    @Test
    void aTwoChannelModelUsesBothChannelsFromTheFilesAndSurvivesExport(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("Processed");
        Files.createDirectories(data.resolve("images"));
        Files.createDirectories(data.resolve("masks"));
        for (int i = 0; i < 14; i++) {
            SyntheticCells.Sample s = CELLS.generate(100 + i);
            String name = String.format(Locale.ROOT, "cells_%02d.tif", i);
            SyntheticPairs.write(s.channels(), s.cells(), data.resolve("images/" + name), data.resolve("masks/" + name));
        }
        Path unseen = Files.createDirectories(dir.resolve("unseen"));
        Path unseenTruth = Files.createDirectories(dir.resolve("unseen-truth"));
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SyntheticCells.Sample s = CELLS.generate(900 + i);
            Path image = unseen.resolve("unseen_" + i + ".tif");
            SyntheticPairs.write(s.channels(), s.cells(), image, unseenTruth.resolve("unseen_" + i + ".tif"));
            inputs.add(image);
        }

        Path both = train(data, dir.resolve("both"), ChannelSelection.parse("1,2"));
        Path nuclearOnly = train(data, dir.resolve("nuclear"), ChannelSelection.parse("2"));
        FluffyModel model = FluffyModel.read(both, id -> TYPE);
        assertEquals(2, model.inputChannels());
        assertEquals("1,2", model.channels().encode(), "the model records its channels");
        assertEquals("1,2", ModelPackage.read(both, id -> TYPE).training().get(ModelPackage.CHANNELS));

        double f1Both = f1(model, inputs, unseenTruth, dir.resolve("pred-both"));
        double f1Nuclear = f1(FluffyModel.read(nuclearOnly, id -> TYPE), inputs, unseenTruth, dir.resolve("pred-nuc"));
        System.out.printf(Locale.ROOT, "synthetic cells, 4 unseen images: object F1@0.5 with channels 1,2 %.3f, with "
                + "the nuclear channel 2 alone %.3f%n", f1Both, f1Nuclear);
        // With batch-norm recalibration, seeds 3, 5, 7 and 11 gave 0.781, 0.836, 0.930, 0.759 with both channels and
        // 0.671, 0.662, 0.662, 0.699 with the nuclear one: 12 short epochs leave the two-channel model's F1 on four
        // images seed-dependent, the nuclear-only one stays near 0.67 (it cannot see where a cell ends).
        assertTrue(f1Both > 0.75, "the two-channel model finds the cells: F1 " + f1Both);
        assertTrue(f1Both > f1Nuclear + 0.1, "the cytoplasm channel matters: " + f1Both + " vs " + f1Nuclear);

        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.DEFAULT)) {
            BatchPrediction.Request one = new BatchPrediction.Request(inputs, dir.resolve("refused"), InputType.FRAME,
                    ChannelSelection.of(1), PostProcessing.DEFAULT, false, ObjectScale.NATIVE, true, OutputFormat.DEFAULT);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BatchPrediction.run(p, one, new NullProgressMonitor(), r -> { }));
            assertTrue(e.getMessage().contains("takes 2 channel(s)"), e.getMessage());
        }

        // Export and import: the package has a channel axis of two and gives the model's own label maps.
        Path zip = dir.resolve("cells.zip");
        BioImageIoPackage.write(model, zip);
        PredictionModel imported = PredictionModel.read(zip, id -> TYPE);
        assertEquals(2, imported.inputChannels());
        assertEquals("1,2", imported.channels().encode(), "the package notes the channels");
        f1(imported, inputs, unseenTruth, dir.resolve("pred-package"));
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            assertEquals(LabelMapFiles.read(dir.resolve("pred-both").resolve(name)),
                    LabelMapFiles.read(dir.resolve("pred-package").resolve(name)), name);
        }
    }

    private static Path train(Path data, Path runDir, ChannelSelection channels) throws Exception {
        TrainingSettings settings = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(4).withCrop(64)
                .withEpochs(12).withStepsPerEpoch(40).withSeed(7).withChannels(channels);
        TrainingRun.Result result = new TrainingRun().run(new TrainingRun.Request(data, runDir, TYPE, VALUES, settings,
                Split.Fractions.DEFAULT, false, null), new NullProgressMonitor(), e -> { }, line -> { });
        assertTrue(result.model() != null, "training made a model");
        return RunFolder.at(runDir).model();
    }

    /** Predicts the files with the model's own channels and scores the cells (counts summed over the images). */
    private static double f1(PredictionModel model, List<Path> inputs, Path truths, Path out) throws Exception {
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.DEFAULT)) {
            List<BatchPrediction.FileResult> results = BatchPrediction.run(p, new BatchPrediction.Request(inputs, out,
                    InputType.FRAME, ChannelSelection.DEFAULT, new PostProcessing(true, 16, true), false,
                    ObjectScale.NATIVE, true, OutputFormat.DEFAULT), new NullProgressMonitor(), r -> { });
            assertTrue(results.stream().noneMatch(BatchPrediction.FileResult::failed), results.toString());
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            LabelMap truth = LabelMapFiles.read(truths.resolve(name));
            ObjectMatching.Result r = ObjectMatching.match(truth, LabelMapFiles.read(out.resolve(name)), 0.5);
            tp += r.truePositives();
            fp += r.falsePositives();
            fn += r.falseNegatives();
        }
        return 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
    }
}
