package fluffy.training.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.files.AtomicFiles;
import fluffy.training.EpochResult;

/**
 * The per-epoch CSV log of a training: one line per epoch, appended and flushed as the epoch ends, so
 * that a crash keeps every finished epoch. Columns: {@value #HEADER}. {@code val_f1_05} is the object F1
 * at IoU 0.5; {@code best} marks the epochs whose weights became the checkpoint, which a resumed
 * training needs to know. Creating and resuming replace the file through a temporary file.
 */
public final class EpochLog implements Closeable {

    public static final String HEADER = "epoch,train_loss,val_loss,val_dice,val_f1_05,learning_rate,seconds,best";

    private final Writer out;

    private EpochLog(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Starts a new log with just the header, replacing any file there. */
    public static EpochLog create(Path file) throws IOException {
        AtomicFiles.writeString(file, HEADER + "\n");
        return new EpochLog(file);
    }

    /**
     * Continues a log after {@code completedEpochs}: later lines (epochs that the resumed training will
     * run again) and a line cut short by a crash are dropped. A missing file is created.
     */
    public static EpochLog resume(Path file, int completedEpochs) throws IOException {
        if (!Files.exists(file)) {
            return create(file);
        }
        StringBuilder kept = new StringBuilder(HEADER + "\n");
        for (EpochResult r : read(file)) {
            if (r.epoch() <= completedEpochs) {
                kept.append(line(r));
            }
        }
        AtomicFiles.writeString(file, kept.toString());
        return new EpochLog(file);
    }

    public synchronized void append(EpochResult r) throws IOException {
        out.write(line(r));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * Reads a log; an unfinished last line (a crash while writing it) is ignored.
     *
     * @throws IOException for a file without the header or with a malformed line (its number is given)
     */
    public static List<EpochResult> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals(HEADER)) {
            throw new IOException(file + " is not an epoch log: its first line is not " + HEADER);
        }
        List<EpochResult> results = new ArrayList<>();
        // The last element is what follows the last newline: empty, or a line cut short.
        for (int i = 1; i < lines.length - 1; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                results.add(parse(lines[i].strip()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ", line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return results;
    }

    private static String line(EpochResult r) {
        return Csv.line(List.of(Integer.toString(r.epoch()), Csv.number(r.trainLoss()), Csv.number(r.valLoss()),
                Csv.number(r.valDice()), Csv.number(r.valF1()), Csv.number(r.learningRate()), Csv.number(r.seconds()),
                Boolean.toString(r.best())));
    }

    private static EpochResult parse(String line) {
        List<String> f = Csv.split(line);
        if (f.size() != 8) {
            throw new IllegalArgumentException(f.size() + " fields instead of 8");
        }
        return new EpochResult(Integer.parseInt(f.get(0)), Csv.number(f.get(1)), Csv.number(f.get(2)),
                Csv.number(f.get(3)), Csv.number(f.get(4)), Csv.number(f.get(5)), Csv.number(f.get(6)),
                Boolean.parseBoolean(f.get(7)));
    }
}
