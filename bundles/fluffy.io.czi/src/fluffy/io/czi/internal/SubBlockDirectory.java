package fluffy.io.czi.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import fluffy.io.ImageFormatException;
import fluffy.io.files.MemoryBudget;

/**
 * The {@code ZISRAWDIRECTORY} segment: an entry count, 124 reserved bytes, then one
 * {@link DirectoryEntry} per subblock. Every entry is checked for an X and a Y extent and a subblock
 * position inside the file, so that a damaged or truncated file is refused when it is opened.
 */
final class SubBlockDirectory {

    static final String ID = "ZISRAWDIRECTORY";
    private static final int PREFIX = 128;

    private SubBlockDirectory() {
    }

    static List<DirectoryEntry> read(CziFile file, long position) throws ImageFormatException {
        String what = "the subblock directory";
        CziFile.Segment segment = file.segment(position, ID, what);
        long declared = segment.usedSize() > 0 ? segment.usedSize() : segment.allocatedSize();
        long available = Math.min(declared, file.size() - segment.dataStart()) - PREFIX;
        ByteBuffer prefix = file.read(segment.dataStart(), PREFIX, what);
        int count = prefix.getInt(0);
        if (count < 0 || (long) count * DirectoryEntry.length(0) > available) {
            throw file.problem(what + " claims " + count + " subblocks, which cannot fit in its "
                    + Math.max(0, available) + " bytes: truncated or damaged");
        }
        long length = Math.min(available, (long) count * DirectoryEntry.length(DirectoryEntry.MAX_DIMENSIONS));
        if (length > Integer.MAX_VALUE - 8) {
            throw file.problem(what + " would take more than 2 GiB for " + count + " subblocks: damaged");
        }
        MemoryBudget.check(file.path(), length, what);
        ByteBuffer data = file.read(segment.dataStart() + PREFIX, (int) length, what);
        List<DirectoryEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DirectoryEntry entry = DirectoryEntry.parse(data, i);
            if (entry == null) {
                throw file.problem(what + " entry " + i + " of " + count + " is not a valid subblock entry: "
                        + (data.remaining() < DirectoryEntry.FIXED_SIZE ? "truncated" : "damaged"));
            }
            check(file, entry);
            entries.add(entry);
        }
        return entries;
    }

    private static void check(CziFile file, DirectoryEntry entry) throws ImageFormatException {
        if (entry.x() == null || entry.y() == null) {
            throw file.problem(entry.describe() + " has no X or Y extent: damaged directory");
        }
        for (DirectoryEntry.Dimension d : List.of(entry.x(), entry.y())) {
            if (d.size() <= 0 || d.storedSize() <= 0) {
                throw file.problem(entry.describe() + " has a size of " + entry.x().size() + " x " + entry.y().size()
                        + " (stored " + entry.x().storedSize() + " x " + entry.y().storedSize() + "): damaged directory");
            }
        }
        if (entry.filePosition() < 0 || entry.filePosition() > file.size() - CziFile.SEGMENT_HEADER) {
            throw file.problem(entry.describe() + " should start at byte " + entry.filePosition()
                    + ", beyond the end of the file (" + file.size() + " bytes): truncated");
        }
    }
}
