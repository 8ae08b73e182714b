package fluffy.ui.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.BatchPrediction;
import fluffy.inference.Frames;
import fluffy.inference.InputType;
import fluffy.inference.PredictionsFolder;
import fluffy.inference.output.GeoJson;
import fluffy.io.ImageFormats;
import fluffy.io.ImageSource;
import fluffy.io.rois.LabelMapFiles;
import fluffy.io.rois.LabelMapRois;

/**
 * Writes the predictions of a folder elsewhere, in the forms other tools read: for each image the label
 * map {@code <stem>.tif} (uint16), the binary mask {@code <stem>_mask.png}, the Fiji ROI set
 * {@code <stem>_RoiSet.zip} and the QuPath objects {@code <stem>.geojson} (with intensities measured on
 * the image when it is found and of the label map's size). A label map that cannot be read is reported and
 * the others go on.
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
                Plane image = image(folder.sources(stem).image().orElse(null), map);
                GeoJson.write(target.resolve(stem + ".geojson"), stem, map, image);
                lines.add(stem + ": label map, mask, " + rois + " ROIs and their GeoJSON"
                        + (image == null ? " (no image of the same size found: without intensities)" : ""));
            } catch (IOException | RuntimeException e) {
                lines.add(stem + ": FAILED: " + e.getMessage());
            }
            progress.worked(1);
        }
        return lines;
    }

    /** The image's first plane as prediction reads it, when it is there and has the label map's size. */
    private static Plane image(Path file, LabelMap map) {
        if (file == null) {
            return null;
        }
        try (ImageSource source = ImageFormats.platform().open(file)) {
            Frames frames = new Frames(source, InputType.FRAME, fluffy.core.image.ChannelSelection.DEFAULT);
            Plane plane = frames.read(frames.list().get(0)).get(0);
            return plane.width() == map.width() && plane.height() == map.height() ? plane : null;
        } catch (IOException | RuntimeException e) {
            return null; // the export goes on; the line says the intensities are missing
        }
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
