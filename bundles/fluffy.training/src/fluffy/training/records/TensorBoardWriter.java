package fluffy.training.records;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import com.google.protobuf.CodedOutputStream;

import fluffy.training.EpochResult;

/**
 * Writes a TensorBoard event file ({@code events.out.tfevents.<seconds>.<host>}) of scalar summaries, so
 * that {@code tensorboard --logdir <run folder>} shows a training's curves. The file is a sequence of
 * TFRecords (length, masked CRC32C of the length, data, masked CRC32C of the data; little-endian), each
 * holding a tensorflow {@code Event} encoded with the field numbers of event.proto and summary.proto.
 * The first event names the file version. Each event is written in one call to an unbuffered stream:
 * a crash loses at most the event being written, which TensorBoard skips.
 */
public final class TensorBoardWriter implements Closeable {

    static final String FILE_VERSION = "brain.Event:2";
    private static final int MASK_DELTA = 0xa282ead8;

    private final Path file;
    private final OutputStream out;

    private TensorBoardWriter(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Starts a new event file in {@code folder} (created if needed); never overwrites one. */
    public static TensorBoardWriter create(Path folder) throws IOException {
        Files.createDirectories(folder);
        double now = System.currentTimeMillis() / 1000.0;
        String name = "events.out.tfevents." + (long) now + "." + host();
        for (int n = 0;; n++) {
            Path file = folder.resolve(n == 0 ? name : name + "." + n);
            OutputStream out;
            try {
                out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue; // a second writer in the same second: take the next suffix
            }
            TensorBoardWriter w = new TensorBoardWriter(file, out);
            try {
                w.write(event(now, o -> o.writeString(3, FILE_VERSION)));
            } catch (IOException e) {
                w.close();
                throw e;
            }
            return w;
        }
    }

    public Path file() {
        return file;
    }

    /** One scalar (stored as a 32-bit float, as TensorBoard's {@code simple_value} is). */
    public synchronized void scalar(String tag, long step, double value) throws IOException {
        byte[] summaryValue = message(out -> {
            out.writeString(1, tag);
            out.writeFloat(2, (float) value);
        });
        byte[] summary = message(out -> out.writeByteArray(1, summaryValue));
        write(event(System.currentTimeMillis() / 1000.0, out -> {
            out.writeInt64(2, step);
            out.writeByteArray(5, summary);
        }));
    }

    /** The curves of an epoch, at step = epoch; values that are NaN (not measured) are left out. */
    public void epoch(EpochResult r) throws IOException {
        scalarIfMeasured("loss/train", r.epoch(), r.trainLoss());
        scalarIfMeasured("loss/validation", r.epoch(), r.valLoss());
        scalarIfMeasured("validation/dice", r.epoch(), r.valDice());
        scalarIfMeasured("validation/f1_05", r.epoch(), r.valF1());
        scalarIfMeasured("learning_rate", r.epoch(), r.learningRate());
        scalarIfMeasured("seconds_per_epoch", r.epoch(), r.seconds());
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private void scalarIfMeasured(String tag, long step, double value) throws IOException {
        if (!Double.isNaN(value)) {
            scalar(tag, step, value);
        }
    }

    private synchronized void write(byte[] data) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(maskedCrc(record.array(), 0, 8));
        record.put(data);
        record.putInt(maskedCrc(data, 0, data.length));
        out.write(record.array());
        out.flush();
    }

    /** TFRecord's checksum: CRC32C, rotated and offset so that a CRC of data holding CRCs stays strong. */
    static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    @FunctionalInterface
    private interface Fields {
        void writeTo(CodedOutputStream out) throws IOException;
    }

    private static byte[] event(double wallTime, Fields what) throws IOException {
        return message(out -> {
            out.writeDouble(1, wallTime);
            what.writeTo(out);
        });
    }

    private static byte[] message(Fields fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        fields.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** The host name as TensorFlow puts it in file names, reduced to characters safe in a file name. */
    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "localhost";
            }
        }
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
