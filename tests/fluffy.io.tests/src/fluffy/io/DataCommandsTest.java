package fluffy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.commands.data.InitCommand;
import fluffy.commands.data.LabelsCommand;
import fluffy.commands.data.PrepareCommand;
import fluffy.core.workspace.Workspace;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;
import fluffy.io.SharedData;
import fluffy.io.TestImages;

/** init, prepare and labels as the CLI runs them: output, progress, exit codes. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandContext context = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private int run(Command command, String... args) throws Exception {
        out.reset();
        err.reset();
        return command.run(context, List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initPrepareLabelsOnAFreshWorkspace() throws Exception {
        Path root = dir.resolve("ws");
        assertEquals(ExitCodes.OK, run(new InitCommand(), root.toString()));
        assertTrue(out().contains("  Raw/               created\n"), out());
        assertTrue(out().contains("0 item(s)"), out());
        Workspace ws = Workspace.open(root);
        Path cryo = SharedData.file("roisets/cryonuseg", "TCGA-S4-A8RO/RoiSet.zip").getParent();
        try (var files = Files.list(cryo)) {
            Path tif = files.filter(p -> p.toString().endsWith(".tif")).findFirst().orElseThrow();
            Files.copy(tif, ws.raw().resolve("cells.tif"));
        }
        TestImages.hyperstack(ws.raw().resolve("stack.tif"), 16, 16, 2, 3, 5);
        Files.writeString(ws.raw().resolve("truncated.tif"), "II*\0");

        assertEquals(ExitCodes.PARTIAL, run(new PrepareCommand(), root.toString(), "--zstack", "--channel", "1"));
        assertTrue(out().contains("cells.tif: prepared cells (512 x 512, C1 uint8, TIFF (ImageJ); channel 1 of 3 (green))\n"),
                out());
        assertTrue(out().contains("stack.tif: prepared stack (16 x 16, C1 uint16, TIFF (ImageJ); channel 1 of 2, frame 2 of 5 "
                + "(the middle one; choose with --frame), max projection of 3 slices)\n"), out());
        assertTrue(out().endsWith("2 prepared, 0 kept (annotated), 0 ignored, 1 failed\n"), out());
        assertTrue(err().contains("truncated.tif: FAILED: the TIFF header is truncated\n"), err());
        assertTrue(err().contains("[####################]  100%  done"), err());
        assertTrue(err().endsWith("1 of 3 failed; see the lines marked FAILED above\n"), err());

        Files.copy(cryo.resolve("RoiSet.zip"), ws.roiSet("cells"));
        assertEquals(ExitCodes.OK, run(new LabelsCommand(), root.toString()));
        assertTrue(out().startsWith("cells: labelled cells (RoiSet.zip: 117 area ROIs -> 116 objects, 1 duplicate(s) dropped, 328 overlapping pixel(s))\n"
                + "    warning: 0280-0058.roi: duplicate of 0280-0058-1.roi (same pixels); skipped\n"
                + "stack: ignored (not annotated yet: no RoiSet.zip and no masks)\n"), out());

        assertEquals(ExitCodes.OK, run(new InitCommand(), root.toString()));
        assertTrue(out().contains("  Raw/               exists\n"), out());
        assertTrue(out().contains("3 item(s): 1 raw, 1 prepared, 0 annotated, 1 labelled"), out());
    }

    @Test
    void everyFileFailingIsAFailureAndWrongOptionsAreUsageErrors() throws Exception {
        Path root = dir.resolve("ws");
        Workspace ws = Workspace.create(root);
        Files.writeString(ws.raw().resolve("a.png"), "no png");
        assertEquals(ExitCodes.FAILED, run(new PrepareCommand(), root.toString()));
        UsageException both = assertThrows(UsageException.class,
                () -> run(new PrepareCommand(), root.toString(), "--all-slices", "--frame", "2"));
        assertEquals("every slice (--all-slices) excludes choosing a frame or a projection", both.getMessage());
        assertThrows(UsageException.class, () -> run(new PrepareCommand(), root.toString(), "--projection", "median"));
        assertThrows(UsageException.class, () -> run(new PrepareCommand(), root.toString(), "--channel", "-1"));
        assertThrows(UsageException.class, () -> run(new PrepareCommand(), root.toString(), "--bioformats", "/no/such.jar"));
        assertThrows(UsageException.class, () -> run(new LabelsCommand(), root.toString(), "--mask"));
        assertThrows(UsageException.class, () -> run(new LabelsCommand()));
        Exception notAWorkspace = assertThrows(Exception.class, () -> run(new LabelsCommand(), dir.toString()));
        assertTrue(notAWorkspace.getMessage().contains("is not a Fluffy workspace"), notAWorkspace.getMessage());
    }
}
