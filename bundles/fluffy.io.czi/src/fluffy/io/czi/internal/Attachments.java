package fluffy.io.czi.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import fluffy.io.ImageFormatException;
import fluffy.io.files.MemoryBudget;

/**
 * The attachment directory ({@code ZISRAWATTDIR}: entry count, 252 reserved bytes, 128-byte
 * {@code AttachmentEntryA1}s) and the attachments it lists ({@code ZISRAWATTACH}: data size, the entry
 * again, data from byte 256). ZEN stores a JPEG thumbnail, time stamps, event lists and lookup tables here.
 */
final class Attachments {

    static final String DIRECTORY_ID = "ZISRAWATTDIR";
    static final String ATTACHMENT_ID = "ZISRAWATTACH";
    private static final int PREFIX = 256;
    private static final int ENTRY = 128;

    /**
     * One attachment.
     *
     * @param name        e.g. {@code Thumbnail}, {@code TimeStamps}
     * @param contentType the file type, e.g. {@code JPG}, {@code CZTIMS}
     * @param position    where its segment starts
     */
    record Attachment(String name, String contentType, long position) {
    }

    private Attachments() {
    }

    /** The attachments listed at {@code position}; none when the position is 0. */
    static List<Attachment> read(CziFile file, long position) throws ImageFormatException {
        if (position == 0) {
            return List.of();
        }
        String what = "the attachment directory";
        CziFile.Segment segment = file.segment(position, DIRECTORY_ID, what);
        int count = file.read(segment.dataStart(), 4, what).getInt(0);
        long room = Math.min(Integer.MAX_VALUE - 8, file.size() - segment.dataStart() - PREFIX);
        if (count < 0 || (long) count * ENTRY > room) {
            throw file.problem(what + " claims " + count + " attachments, more than the file can hold: truncated or damaged");
        }
        ByteBuffer entries = file.read(segment.dataStart() + PREFIX, count * ENTRY, what);
        List<Attachment> attachments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = i * ENTRY;
            if (entries.get(at) != 'A' || entries.get(at + 1) != '1') {
                throw file.problem(what + " entry " + i + " is not an attachment entry: damaged");
            }
            attachments.add(new Attachment(CziFile.ascii(entries, at + 48, 80), CziFile.ascii(entries, at + 40, 8),
                    entries.getLong(at + 12)));
        }
        return List.copyOf(attachments);
    }

    /** The bytes of one attachment (for a thumbnail, a JPEG file). */
    static byte[] data(CziFile file, Attachment attachment) throws ImageFormatException {
        String what = "attachment '" + attachment.name() + "'";
        CziFile.Segment segment = file.segment(attachment.position(), ATTACHMENT_ID, what);
        int size = file.read(segment.dataStart(), 4, what).getInt(0);
        if (size < 0) {
            throw file.problem(what + " has a negative size: damaged");
        }
        MemoryBudget.check(file.path(), size, what);
        return file.read(segment.dataStart() + PREFIX, size, what).array();
    }
}
