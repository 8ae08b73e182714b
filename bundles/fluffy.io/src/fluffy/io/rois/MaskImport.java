package fluffy.io.rois;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import fluffy.core.labels.LabelMap;

/**
 * Builds a label map from mask files instead of a ROI set: Fiji's {@code masks/mask_<i>.png} (one binary
 * mask per object) or existing label maps, in any mix. A file with one non-zero value is one object; a
 * file with several values is a label map whose values are objects. Overlaps follow
 * {@link ObjectPainter}'s policy, like ROIs.
 */
public final class MaskImport {

    private MaskImport() {
    }

    /** @param files mask files, in the order their objects are numbered */
    public static Rasterization merge(List<Path> files, int width, int height) throws IOException {
        List<ObjectPainter.Candidate> candidates = new ArrayList<>();
        for (Path file : files) {
            LabelMap map = LabelMapFiles.read(file);
            if (map.width() != width || map.height() != height) {
                throw new IOException(file.getFileName() + ": mask is " + map.width() + " x " + map.height()
                        + " but the image is " + width + " x " + height);
            }
            TreeMap<Integer, List<Integer>> byValue = new TreeMap<>();
            int[] labels = map.labels();
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] != 0) {
                    byValue.computeIfAbsent(labels[p], k -> new ArrayList<>()).add(p);
                }
            }
            String name = file.getFileName().toString();
            byValue.forEach((value, pixels) -> candidates.add(new ObjectPainter.Candidate(
                    byValue.size() == 1 ? name : name + " label " + value,
                    pixels.stream().mapToInt(Integer::intValue).toArray())));
        }
        ObjectPainter.Result painted = ObjectPainter.paint(width, height, candidates);
        return new Rasterization(painted.labels(), candidates.size(), painted.objects(), painted.overlapPixels(), 0,
                painted.hidden());
    }
}
