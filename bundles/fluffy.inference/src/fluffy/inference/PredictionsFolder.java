package fluffy.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fluffy.core.image.ImageFiles;
import fluffy.core.workspace.Workspace;

/**
 * The one owner of a predictions folder's meaning, as {@code fluffy predict} writes it: which files are
 * label maps ({@code <stem>.tif} or {@code .tiff}, not the {@code _probabilities} stacks, masks, overlays and
 * ROI sets beside them) and, for each, its image and its true label map. {@code fluffy evaluate}, the demo,
 * the navigator, the Results Viewer and the exports all read a folder through here, so they agree.
 * <ul>
 * <li>In a workspace ({@link #inWorkspace}), the truth of {@code <stem>} is {@code Processed/masks/<stem>.*}
 * and its image the training image, else the item's image in {@code Labeling/}, else its raw file.</li>
 * <li>A folder on its own ({@link #standalone}) takes {@code ../masks/} and {@code ../images/} beside it
 * (the layout of a Processed/ folder) when they exist.</li>
 * <li>{@link #withTruths} names the truth folder (the CLI's {@code --truth}).</li>
 * </ul>
 *
 * @param truths    the folder of true label maps, or null for none
 * @param workspace the workspace the folder belongs to, or null
 */
public record PredictionsFolder(Path folder, Path truths, Workspace workspace) {

    /** Where one prediction's files are; {@code image} and {@code truth} may be absent. */
    public record Sources(String stem, Path labels, Optional<Path> image, Optional<Path> truth) {
    }

    public static PredictionsFolder inWorkspace(Workspace ws, Path folder) {
        return new PredictionsFolder(folder, ws.processedMasks(), ws);
    }

    public static PredictionsFolder standalone(Path folder) {
        Path parent = folder.toAbsolutePath().getParent();
        Path masks = parent == null ? null : parent.resolve("masks");
        return new PredictionsFolder(folder, masks != null && Files.isDirectory(masks) ? masks : null, null);
    }

    /** {@link #inWorkspace} when {@code ws} is given, else {@link #standalone}. */
    public static PredictionsFolder of(Path folder, Workspace ws) {
        return ws != null ? inWorkspace(ws, folder) : standalone(folder);
    }

    public static PredictionsFolder withTruths(Path folder, Path truths) {
        return new PredictionsFolder(folder, truths, null);
    }

    /**
     * The name of the predictions folder of a model, {@code Predictions/<name>/} in a workspace: the run's name
     * for a run's {@code model.onnx}, the folder's for an unpacked package's {@code rdf.yaml}, else the file name
     * without {@code .onnx} or {@code .zip}.
     */
    public static String nameFor(Path model) {
        String file = model.getFileName().toString();
        Path parent = model.toAbsolutePath().getParent();
        // A run's model.onnx and an unpacked bioimage.io package's description are named by their folder.
        boolean byFolder = file.equals("model.onnx") || file.matches("(?i)(rdf|bioimageio|.*\\.bioimageio)\\.yaml");
        return byFolder && parent != null && parent.getFileName() != null
                ? parent.getFileName().toString() : file.replaceFirst("(?i)\\.(onnx|zip)$", "");
    }

    /** Whether a file name is that of a label map Fluffy wrote (not a probability stack, mask, overlay or ROI set). */
    public static boolean isLabelMap(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).matches(".*\\.tiff?$")
                && !BatchPrediction.stem(file).endsWith("_probabilities");
    }

    /** The label maps, in natural order of their names. */
    public List<Path> labelMaps() throws IOException {
        return ImageFiles.list(folder).stream().filter(PredictionsFolder::isLabelMap).toList();
    }

    public List<String> stems() throws IOException {
        return labelMaps().stream().map(BatchPrediction::stem).toList();
    }

    /** The true label maps by stem; empty without a truth folder. */
    public Map<String, Path> truthsByStem() throws IOException {
        return truths == null || !Files.isDirectory(truths) ? Map.of() : byStem(truths);
    }

    /** The image files of a folder (e.g. true label maps) by their stem, as predictions are named. */
    public static Map<String, Path> byStem(Path folder) throws IOException {
        Map<String, Path> files = new HashMap<>();
        for (Path f : ImageFiles.list(folder)) {
            files.put(BatchPrediction.stem(f), f);
        }
        return files;
    }

    /** Every label map's sources, in the order of {@link #labelMaps()}; each folder is listed once. */
    public List<Sources> all() throws IOException {
        Listing listing = new Listing();
        List<Sources> all = new ArrayList<>();
        for (Path labels : labelMaps()) {
            all.add(listing.sources(BatchPrediction.stem(labels), labels));
        }
        return all;
    }

    public Sources sources(String stem) throws IOException {
        Path labels = labelMaps().stream().filter(p -> BatchPrediction.stem(p).equals(stem)).findFirst()
                .orElse(folder.resolve(stem + ".tif"));
        return new Listing().sources(stem, labels);
    }

    /** The truth and image folders, listed once for any number of stems. */
    private final class Listing {
        private final Map<String, Path> truths = truthsByStem();
        private final Map<String, Path> standaloneImages;
        private Map<String, Path> rawByItem;

        Listing() throws IOException {
            Path parent = folder.toAbsolutePath().getParent();
            Path images = parent == null ? null : parent.resolve("images");
            standaloneImages = workspace != null || images == null || !Files.isDirectory(images) ? Map.of()
                    : byStem(images);
        }

        Sources sources(String stem, Path labels) throws IOException {
            return new Sources(stem, labels, image(stem), Optional.ofNullable(truths.get(stem)));
        }

        private Optional<Path> image(String stem) throws IOException {
            if (workspace == null) {
                return Optional.ofNullable(standaloneImages.get(stem));
            }
            for (Path p : List.of(workspace.processedImage(stem), workspace.labelingImage(stem))) {
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
            if (rawByItem == null) {
                rawByItem = new HashMap<>();
                for (Path f : workspace.rawFiles(ImageFiles::hasImageExtension)) {
                    rawByItem.putIfAbsent(Workspace.itemName(f), f);
                }
            }
            return Optional.ofNullable(rawByItem.get(stem));
        }
    }
}
