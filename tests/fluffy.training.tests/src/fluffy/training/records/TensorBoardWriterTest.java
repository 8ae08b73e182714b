package fluffy.training.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import fluffy.training.EpochResult;

/** Reads the event files back with a reader written here from the format's description, not the writer's code. */
class TensorBoardWriterTest {

    @TempDir
    Path dir;

    /** What a TensorBoard event holds that the writer may set. */
    record Event(double wallTime, long step, String fileVersion, List<Scalar> scalars) {
    }

    record Scalar(String tag, float value) {
    }

    static List<Event> readEvents(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] header = new byte[8];
            b.get(header);
            int headerCrc = b.getInt();
            assertEquals(masked(header), headerCrc, "length CRC of record " + events.size());
            long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
            byte[] data = new byte[(int) length];
            b.get(data);
            assertEquals(masked(data), b.getInt(), "data CRC of record " + events.size());
            events.add(decode(data));
        }
        return events;
    }

    /** TFRecord: rotate the CRC32C right by 15 bits and add 0xa282ead8. */
    static int masked(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return Integer.rotateRight((int) crc.getValue(), 15) + 0xa282ead8;
    }

    static Event decode(byte[] data) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data);
        double wallTime = 0;
        long step = 0;
        String version = null;
        List<Scalar> scalars = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> wallTime = in.readDouble();
                case 2 -> step = in.readInt64();
                case 3 -> version = in.readString();
                case 5 -> {
                    CodedInputStream summary = CodedInputStream.newInstance(in.readByteArray());
                    for (int t = summary.readTag(); t != 0; t = summary.readTag()) {
                        assertEquals(1, WireFormat.getTagFieldNumber(t), "Summary.value");
                        scalars.add(value(summary.readByteArray()));
                    }
                }
                default -> in.skipField(tag);
            }
        }
        return new Event(wallTime, step, version, scalars);
    }

    static Scalar value(byte[] data) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data);
        String tag = null;
        float value = Float.NaN;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(t)) {
                case 1 -> tag = in.readString();
                case 2 -> {
                    assertEquals(WireFormat.WIRETYPE_FIXED32, WireFormat.getTagWireType(t), "simple_value is a float");
                    value = in.readFloat();
                }
                default -> in.skipField(t);
            }
        }
        return new Scalar(tag, value);
    }

    @Test
    void scalarsReadBackWithTheirTagsStepsAndValues() throws IOException {
        double before = System.currentTimeMillis() / 1000.0;
        Path file;
        try (TensorBoardWriter w = TensorBoardWriter.create(dir.resolve("tb"))) {
            w.scalar("loss/train", 1, 0.75);
            w.scalar("loss/train", 2, 0.5);
            w.scalar("ünïcode tag", 1234567890123L, -1e-3);
            file = w.file();
            // Written through: readable before close.
            assertEquals(4, readEvents(file).size());
        }
        assertTrue(file.getFileName().toString().matches("events\\.out\\.tfevents\\.\\d{10}\\.[A-Za-z0-9._-]+"),
                file.getFileName().toString());
        List<Event> events = readEvents(file);
        assertEquals("brain.Event:2", events.get(0).fileVersion());
        assertTrue(events.get(0).scalars().isEmpty());
        assertEquals(new Scalar("loss/train", 0.75f), events.get(1).scalars().get(0));
        assertEquals(1, events.get(1).step());
        assertEquals(new Scalar("loss/train", 0.5f), events.get(2).scalars().get(0));
        assertEquals(2, events.get(2).step());
        assertEquals(new Scalar("ünïcode tag", -1e-3f), events.get(3).scalars().get(0));
        assertEquals(1234567890123L, events.get(3).step());
        for (Event e : events) {
            assertTrue(e.wallTime() >= before - 1 && e.wallTime() <= System.currentTimeMillis() / 1000.0 + 1);
        }
    }

    @Test
    void anEpochWritesItsCurvesAndLeavesOutWhatWasNotMeasured() throws IOException {
        Path file;
        try (TensorBoardWriter w = TensorBoardWriter.create(dir)) {
            w.epoch(new EpochResult(3, 0.4, 0.5, 0.8, 0.7, 1e-4, 20, true));
            w.epoch(new EpochResult(4, 0.3, Double.NaN, Double.NaN, Double.NaN, 5e-5, 21, false));
            file = w.file();
        }
        List<Event> events = readEvents(file);
        List<String> tags = events.stream().skip(1).map(e -> e.step() + " " + e.scalars().get(0).tag()).toList();
        assertEquals(List.of("3 loss/train", "3 loss/validation", "3 validation/dice", "3 validation/f1_05",
                "3 learning_rate", "3 seconds_per_epoch", "4 loss/train", "4 learning_rate", "4 seconds_per_epoch"), tags);
        assertEquals(1e-4f, events.get(5).scalars().get(0).value());
    }

    @Test
    void twoWritersInOneSecondGetTwoFiles() throws IOException {
        try (TensorBoardWriter a = TensorBoardWriter.create(dir); TensorBoardWriter b = TensorBoardWriter.create(dir)) {
            assertNotEquals(a.file(), b.file());
        }
    }

    @Test
    void theMaskMatchesTheFormulaOnAKnownCrc() {
        // CRC32C("123456789") = 0xe3069283, the standard check value.
        byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int crc = 0xe3069283;
        assertEquals(((crc >>> 15) | (crc << 17)) + 0xa282ead8, TensorBoardWriter.maskedCrc(check, 0, check.length));
    }
}
