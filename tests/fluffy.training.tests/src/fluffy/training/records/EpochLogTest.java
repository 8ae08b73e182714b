package fluffy.training.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.training.EpochResult;

class EpochLogTest {

    @TempDir
    Path dir;

    static EpochResult epoch(int n) {
        return new EpochResult(n, 1.0 / n, 1.2 / n, 0.5 + n / 100.0, 0.4 + n / 100.0, 1e-4 * n, 12.5 + n, n % 2 == 1);
    }

    @Test
    void eachEpochIsOnDiskAsSoonAsItIsAppended() throws IOException {
        Path file = dir.resolve("log.csv");
        EpochLog log = EpochLog.create(file);
        log.append(epoch(1));
        log.append(epoch(2));
        // Not closed: a crash now must still leave both epochs in the file.
        assertEquals(List.of(epoch(1), epoch(2)), EpochLog.read(file));
        List<String> lines = Files.readAllLines(file);
        assertEquals("epoch,train_loss,val_loss,val_dice,val_f1_05,learning_rate,seconds,best", lines.get(0));
        assertEquals("1,1.0,1.2,0.51,0.41000000000000003,1.0E-4,13.5,true", lines.get(1));
        log.close();
    }

    @Test
    void unmeasuredValuesAreEmptyFieldsAndReadBackAsNaN() throws IOException {
        Path file = dir.resolve("log.csv");
        EpochResult noValidation = new EpochResult(1, 0.7, Double.NaN, Double.NaN, Double.NaN, 1e-3, 3, false);
        try (EpochLog log = EpochLog.create(file)) {
            log.append(noValidation);
        }
        assertEquals("1,0.7,,,,0.001,3.0,false", Files.readAllLines(file).get(1));
        assertEquals(List.of(noValidation), EpochLog.read(file));
    }

    @Test
    void resumingDropsLaterEpochsAndALineCutShortByACrash() throws IOException {
        Path file = dir.resolve("log.csv");
        try (EpochLog log = EpochLog.create(file)) {
            for (int n = 1; n <= 4; n++) {
                log.append(epoch(n));
            }
        }
        Files.writeString(file, "5,0.2,0.3", StandardOpenOption.APPEND);
        assertEquals(4, EpochLog.read(file).size());
        try (EpochLog log = EpochLog.resume(file, 2)) {
            log.append(epoch(3));
        }
        assertEquals(List.of(epoch(1), epoch(2), epoch(3)), EpochLog.read(file));
        assertTrue(Files.readString(file).endsWith("\n"));
    }

    @Test
    void resumingWithoutALogStartsOne() throws IOException {
        Path file = dir.resolve("sub/log.csv");
        try (EpochLog log = EpochLog.resume(file, 3)) {
            log.append(epoch(4));
        }
        assertEquals(List.of(epoch(4)), EpochLog.read(file));
    }

    @Test
    void createReplacesAnOldLogAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "old content\n");
        EpochLog.create(file).close();
        assertEquals(EpochLog.HEADER + "\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFileThatIsNotALogIsRefusedByLine() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "something else\n");
        assertThrows(IOException.class, () -> EpochLog.read(file));
        Files.writeString(file, EpochLog.HEADER + "\n1,2,3\n");
        var e = assertThrows(IOException.class, () -> EpochLog.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
