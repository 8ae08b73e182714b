package fluffy.ui.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.labels.LabelMap;
import fluffy.inference.BatchPrediction;
import fluffy.inference.PredictionsFolder;
import fluffy.io.rois.LabelMapFiles;
import fluffy.io.rois.LabelMapRois;

/**
 * Writes the predictions of a folder elsewhere, in the forms other tools read: for each image the label
 * map {@code <stem>.tif} (uint16), the binary mask {@code <stem>_mask.png} and the Fiji ROI set
 * {@code <stem>_RoiSet.zip}. A label map that cannot be read is reported and the others go on.
 */
public final class ResultsExport {

    private ResultsExport() {
    }

    /** Returns one line per image, as the report shows them. */
    public static List<String> run(PredictionsFolder folder, Path target, IProgressMonitor monitor) throws IOException {
        List<Path> labelMaps = folder.labelMaps();
        SubMonitor progress = SubMonitor.convert(monitor, "Exporting " + labelMaps.size() + " predictions",
                labelMaps.size());
        Files.createDirectories(target);
        List<String> lines = new ArrayList<>();
        for (Path labels : labelMaps) {
            String stem = BatchPrediction.stem(labels);
            progress.checkCanceled();
            progress.subTask(stem);
            try {
                LabelMap map = LabelMapFiles.read(labels);
                LabelMapFiles.writeTiff(map, target.resolve(stem + ".tif"));
                LabelMapFiles.writeMaskPng(map.width(), map.height(), foreground(map), target.resolve(stem + "_mask.png"));
                int rois = LabelMapRois.write(map, target.resolve(stem + "_RoiSet.zip"));
                lines.add(stem + ": label map, mask and " + rois + " ROIs");
            } catch (IOException | RuntimeException e) {
                lines.add(stem + ": FAILED: " + e.getMessage());
            }
            progress.worked(1);
        }
        return lines;
    }

    private static int[] foreground(LabelMap map) {
        int[] labels = map.labels();
        int n = 0;
        for (int l : labels) {
            n += l != 0 ? 1 : 0;
        }
        int[] pixels = new int[n];
        for (int i = 0, k = 0; i < labels.length; i++) {
            if (labels[i] != 0) {
                pixels[k++] = i;
            }
        }
        return pixels;
    }
}
