package fluffy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.commands.inference.EvaluateCommand;
import fluffy.commands.inference.ExportCommand;
import fluffy.commands.inference.PredictCommand;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;

import fluffy.io.rois.LabelMapFiles;
import fluffy.onnx.ModelFile;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/** The three commands end to end, as the CLI runs them, on files. */
class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandContext context = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void predictThenEvaluateAFolderWithABadFile(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path truths = Files.createDirectories(dir.resolve("masks"));
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(160, 120));
        for (int i = 0; i < 2; i++) {
            SyntheticNuclei.Sample s = generator.generate(50 + i);
            short[] pixels = new short[160 * 120];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = (short) Math.round(s.image().data()[p]);
            }
            new FileSaver(new ImagePlus("i", new ShortProcessor(160, 120, pixels, null)))
                    .saveAsTiff(images.resolve("n" + i + ".tif").toString());
            LabelMapFiles.writeTiff(s.labels(), truths.resolve("n" + i + ".tif"));
        }
        Files.writeString(images.resolve("zz_broken.png"), "not a PNG");
        int code = new PredictCommand().run(context, List.of("--model", TinyModelAccess.file().toString(), "--input",
                images.toString(), "--output", dir.resolve("pred").toString(), "--instances", "--tile", "96",
                "--overlap", "16"));
        assertEquals(ExitCodes.PARTIAL, code, err.toString());
        assertTrue(err.toString().contains("zz_broken.png: FAILED"), err.toString());
        assertTrue(out.toString().contains("2 of 3 image(s) predicted"), out.toString());
        assertTrue(out.toString().contains("megapixels/s"), out.toString());

        out.reset();
        code = new EvaluateCommand().run(context, List.of("--pred", dir.resolve("pred").toString(), "--truth",
                truths.toString()));
        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(out.toString().contains("all 2 images"), out.toString());
        List<String> csv = Files.readAllLines(dir.resolve("pred/evaluation.csv"));
        assertEquals(4, csv.size(), "header, 2 images, ALL");
        assertTrue(csv.get(3).startsWith("ALL,"), csv.get(3));
        assertTrue(Files.readString(dir.resolve("pred/evaluation.json")).contains("\"aggregate\""));
    }

    /** Predicting a folder into itself would replace its images with their label maps: refused, nothing written. */
    @Test
    void anOutputThatWouldReplaceAnInputIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticNuclei.Sample s = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(64, 48)).generate(3);
        LabelMapFiles.writeTiff(s.labels(), images.resolve("cells.tif"));
        byte[] before = Files.readAllBytes(images.resolve("cells.tif"));
        UsageException e = assertThrows(UsageException.class, () -> new PredictCommand().run(context, List.of("--model",
                TinyModelAccess.file().toString(), "--input", images.toString(), "--output", images.toString())));
        assertTrue(e.getMessage().contains("would overwrite inputs") && e.getMessage().contains("cells.tif"),
                e.getMessage());
        try (var files = Files.list(images)) {
            assertEquals(List.of("cells.tif"), files.map(p -> p.getFileName().toString()).toList(), "nothing written");
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(images.resolve("cells.tif"))), "untouched");
        // The same folder by another spelling is the same folder.
        assertThrows(UsageException.class, () -> new PredictCommand().run(context, List.of("--model",
                TinyModelAccess.file().toString(), "--input", images.resolve("cells.tif").toString(), "--output",
                images.resolve("../images").toString())));
    }

    @Test
    void aFileThatIsNotAModelIsNamedWithWhatToGiveInstead(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "these are not the weights you are looking for");
        Path images = Files.createDirectories(dir.resolve("images"));
        LabelMapFiles.writeTiff(new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(64, 48)).generate(1).labels(),
                images.resolve("a.tif"));
        IOException e = assertThrows(IOException.class, () -> new PredictCommand().run(context, List.of("--model",
                junk.toString(), "--input", images.toString(), "--output", dir.resolve("out").toString())));
        assertTrue(e.getMessage().startsWith(junk + ": not an ONNX model file"), e.getMessage());
        assertTrue(e.getMessage().contains("model.onnx of a training run"), e.getMessage());
    }

    @Test
    void withoutAModelOrADefaultOneTheCommandSaysWhatToDo(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> new PredictCommand().run(context,
                List.of("--input", dir.toString(), "--output", dir.resolve("out").toString())));
        assertTrue(e.getMessage().contains("fluffy.models.nuclei") && e.getMessage().contains("--model"), e.getMessage());
    }

    @Test
    void wrongOptionsAreUsageErrors(@TempDir Path dir) {
        assertThrows(UsageException.class, () -> new PredictCommand().run(context, List.of("--input", "x", "--output",
                "y", "--type", "volume")));
        assertThrows(UsageException.class, () -> new ExportCommand().run(context, List.of("--model", "m", "--format",
                "tflite", "--output", "o")));
        for (List<String> augmentation : List.of(List.of("--zoom", "2,0.5"), List.of("--zoom", "0.5"),
                List.of("--zoom", "0.5,1,2"), List.of("--zoom", "a,b"), List.of("--blur", "-1"), List.of("--blur", "11"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--dir_in", dir.toString(), "--dir_out",
                    dir.toString(), "--name", "run"));
            args.addAll(augmentation);
            UsageException e = assertThrows(UsageException.class,
                    () -> new fluffy.commands.training.TrainCommand().run(context, args), augmentation.toString());
            assertTrue(e.getMessage().startsWith(augmentation.get(0) + " takes"), e.getMessage());
        }
    }

    @Test
    void exportAsOnnxWritesTheInferenceModelWithItsMetadata(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("plain.onnx");
        assertEquals(ExitCodes.OK, new ExportCommand().run(context, List.of("--model",
                TinyModelAccess.file().toString(), "--format", "onnx", "--output", target.toString())));
        ModelFile model = ModelFile.parse(Files.readAllBytes(target));
        assertEquals("unet.categorical", model.metadata().get("fluffy.model_type"));
    }
}
