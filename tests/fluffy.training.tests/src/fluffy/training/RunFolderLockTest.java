package fluffy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.models.HyperparameterValues;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Split;

/**
 * One training per run folder: a second one is refused, naming the folder, before it touches anything; and
 * the lock is the operating system's, so a training process killed with SIGKILL leaves the folder free.
 */
class RunFolderLockTest {

    @Test
    void aSecondTrainingOfTheSameFolderIsRefusedBeforeItTouchesAnything(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        CategoricalUNet type = new CategoricalUNet();
        TrainingRun.Request request = new TrainingRun.Request(dir.resolve("Processed"), runDir, type,
                HyperparameterValues.defaults(type.hyperparameters()), TrainingSettings.defaults(SessionSettings.cpu()),
                Split.Fractions.DEFAULT, false, null);
        try (RunFolder.Lock first = RunFolder.at(runDir).lock()) {
            IOException e = assertThrows(IOException.class, () -> new TrainingRun().run(request,
                    new NullProgressMonitor(), epoch -> { }, m -> { }));
            assertTrue(e.getMessage().startsWith(runDir + " is being trained by another training"), e.getMessage());
            assertFalse(Files.exists(RunFolder.at(runDir).recordFile()), "nothing was written");
        }
        RunFolder.at(runDir).lock().close(); // free again once the first training ends
    }

    @Test
    void aKilledTrainingProcessLeavesTheFolderFree(@TempDir Path dir) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path holder = Files.writeString(dir.resolve("Hold.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Hold {
                    public static void main(String[] a) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        c.lock();
                        System.out.println("locked");
                        Thread.sleep(600_000);
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, holder.toString(), runDir.resolve(RunFolder.LOCK_FILE).toString())
                .redirectErrorStream(true).start();
        try {
            String line = new String(p.getInputStream().readNBytes("locked".length()));
            assertEquals("locked", line, "the other process holds the lock");
            assertThrows(IOException.class, () -> RunFolder.at(runDir).lock().close());
        } finally {
            p.destroyForcibly(); // SIGKILL: no clean-up runs in that process
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        RunFolder.at(runDir).lock().close();
    }
}
