package fluffy.io.rois;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fluffy.core.files.AtomicFiles;
import ij.gui.Roi;
import ij.io.RoiEncoder;

/**
 * Writes ROIs as a {@code RoiSet.zip} the way Fiji's ROI Manager saves one, so Fiji opens it and
 * {@link RoiSetReader} reads it back with the same geometry: one {@code <name>.roi} entry per ROI, in list
 * order, encoded by ImageJ's own {@link RoiEncoder}. Unnamed ROIs get the Manager's name, the centre as
 * {@code yyyy-xxxx}, with {@code -1}, {@code -2}... for clashes. The file is replaced atomically.
 */
public final class RoiSetWriter {

    private RoiSetWriter() {
    }

    public static void write(List<Roi> rois, Path target) throws IOException {
        AtomicFiles.write(target, tmp -> {
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
                Set<String> used = new HashSet<>();
                for (Roi roi : rois) {
                    String name = unique(roi.getName() == null || roi.getName().isBlank() ? managerName(roi)
                            : roi.getName(), used);
                    zip.putNextEntry(new ZipEntry(name + ".roi"));
                    zip.write(RoiEncoder.saveAsByteArray(roi));
                    zip.closeEntry();
                }
            }
        });
    }

    /** The ROI Manager's label: the centre of the bounds as {@code yyyy-xxxx}. */
    static String managerName(Roi roi) {
        var b = roi.getBounds();
        return String.format("%04d-%04d", b.y + b.height / 2, b.x + b.width / 2);
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 1; !used.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
