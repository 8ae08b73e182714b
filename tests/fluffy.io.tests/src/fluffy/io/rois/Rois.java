package fluffy.io.rois;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.gui.Roi;
import ij.io.RoiEncoder;

/** Writes ROI set zips for the tests, entry names as given (including hostile ones). */
final class Rois {

    private Rois() {
    }

    static byte[] bytes(Roi roi) {
        return RoiEncoder.saveAsByteArray(roi);
    }

    /** A zip whose entries are the given names and contents, in map order. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
