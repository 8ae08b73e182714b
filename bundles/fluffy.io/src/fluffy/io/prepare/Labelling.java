package fluffy.io.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.core.files.AtomicFiles;
import fluffy.io.rois.LabelMapFiles;
import fluffy.io.rois.MaskImport;
import fluffy.io.rois.Rasterization;
import fluffy.io.rois.RoiRasterizer;
import fluffy.io.rois.RoiSetReader;
import fluffy.io.rois.Skipped;

/**
 * Turns the annotations in {@code Labeling/} into training pairs in {@code Processed/} (the original
 * Fluffy's Fiji macro and {@code make_label_maps}): for every item, its {@code RoiSet.zip} or, failing
 * that, the mask files in its {@code masks/} folder become a uint16 label map
 * {@code Processed/masks/<name>.tif}, and its image is copied to {@code Processed/images/<name>.tif}.
 * A ROI set wins over masks, because Fiji's masks were derived from it. Files in {@code Labeling/} are
 * only read, except that {@code writeMasks} adds {@code masks/mask_<k>.png} to a folder that is empty.
 */
public final class Labelling {

    private final Workspace workspace;
    private final boolean writeMasks;
    private final ImageFormats formats;

    /** @param writeMasks also write one {@code masks/mask_<k>.png} per object, as Fiji's macro did */
    public Labelling(Workspace workspace, boolean writeMasks, ImageFormats formats) {
        this.workspace = workspace;
        this.writeMasks = writeMasks;
        this.formats = formats;
    }

    /**
     * Labels every item folder in {@code Labeling/}, in natural order. Items without annotations are
     * reported as ignored.
     */
    public List<FileReport> run(Consumer<FileReport> each, IProgressMonitor monitor) throws IOException {
        List<String> names = workspace.labelingItems();
        // A workspace step runs alone on its workspace: what a killed earlier one left half-written can go.
        AtomicFiles.removeAllTemporaries(workspace.processedMasks());
        AtomicFiles.removeAllTemporaries(workspace.processedImages());
        for (String name : names) {
            AtomicFiles.removeAllTemporaries(workspace.labelingMasks(name));
        }
        return BatchLoop.run("Labelling " + names.size() + " item(s)", names, n -> n, this::label, each, monitor);
    }

    /**
     * Labels one item, e.g. after its ROIs were saved in the Annotation Editor: its annotations become
     * {@code Processed/masks/<name>.tif} and its image is copied beside it. Never throws for the item's
     * own problems; they are in the failed report.
     */
    public FileReport label(String name) {
        Path folder = workspace.labelingFolder(name);
        try {
            Path roiSet = workspace.roiSet(name);
            List<Path> masks = workspace.maskFiles(name).stream().filter(formats::claims).toList();
            if (!Files.isRegularFile(roiSet) && masks.isEmpty()) {
                return FileReport.ignored(folder, "not annotated yet: no RoiSet.zip and no masks");
            }
            Path image = workspace.labelingImage(name);
            if (!Files.isRegularFile(image)) {
                return FileReport.failed(folder, "no image at " + workspace.root().relativize(image)
                        + " (the image the annotations belong to)");
            }
            ImageInfo info;
            try (ImageSource source = formats.open(image)) {
                info = source.info(0);
            }
            boolean fromRois = Files.isRegularFile(roiSet);
            Rasterization result = fromRois
                    ? RoiRasterizer.rasterize(RoiSetReader.read(roiSet), info.sizeX(), info.sizeY())
                    : MaskImport.merge(masks, info.sizeX(), info.sizeY());
            LabelMapFiles.writeTiff(result.labels(), workspace.processedMask(name));
            AtomicFiles.copy(image, workspace.processedImage(name));
            List<String> warnings = new ArrayList<>(result.skipped().stream().map(Skipped::toString).toList());
            String detail = fromRois ? "RoiSet.zip: " + result.summary()
                    : masks.size() + " mask file(s): " + result.summary("mask object");
            if (writeMasks && fromRois) {
                detail += "; " + writeMasks(name, result, warnings);
            }
            return FileReport.done(folder, List.of(name), List.of(), detail, warnings);
        } catch (IOException | RuntimeException e) {
            BatchLoop.stopOnOutputFault(folder, e, workspace.processed());
            return FileReport.failed(folder, Preparation.message(folder, e));
        }
    }

    private String writeMasks(String name, Rasterization result, List<String> warnings) throws IOException {
        Path masks = workspace.labelingMasks(name);
        if (!workspace.maskFiles(name).isEmpty()) {
            warnings.add("masks/: already holds files; mask PNGs not written, nothing overwritten");
            return "masks not written";
        }
        int n = LabelMapFiles.writeObjectMasks(result.labels(), masks);
        return n + " mask PNG(s) written";
    }
}
