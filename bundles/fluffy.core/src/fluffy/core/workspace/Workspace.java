package fluffy.core.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fluffy.core.image.NaturalOrder;

/**
 * A Fluffy workspace: a base folder laid out exactly as the original Fluffy did, so existing folders
 * open as they are.
 *
 * <pre>
 * Raw/                               the user's images (only files directly inside count)
 * Labeling/&lt;name&gt;/images/&lt;name&gt;.tif   the 2D image to annotate
 * Labeling/&lt;name&gt;/masks/              Fiji's per-object masks, or label maps, if any
 * Labeling/&lt;name&gt;/RoiSet.zip          Fiji's ROI Manager export
 * Processed/images/&lt;name&gt;.tif         training image
 * Processed/masks/&lt;name&gt;.tif          its uint16 label map
 * </pre>
 */
public record Workspace(Path root) {

    public static final String RAW = "Raw";
    public static final String LABELING = "Labeling";
    public static final String PROCESSED = "Processed";
    /** Training runs, one folder each: {@code Runs/<name>/} (the run folder's own layout is fluffy.training's). */
    public static final String RUNS = "Runs";
    /** Predictions, one folder of label maps per model or request: {@code Predictions/<name>/<stem>.tif}. */
    public static final String PREDICTIONS = "Predictions";

    private static final Pattern SLICE = Pattern.compile("(.+)_\\d+");

    /** Creates the three folders (keeping whatever exists) and returns the workspace. */
    public static Workspace create(Path root) throws IOException {
        Workspace ws = new Workspace(root);
        for (Path folder : List.of(ws.raw(), ws.labeling(), ws.processedImages(), ws.processedMasks())) {
            Files.createDirectories(folder);
        }
        return ws;
    }

    /** Opens an existing workspace; it must have at least one of the three folders. */
    public static Workspace open(Path root) throws IOException {
        Workspace ws = new Workspace(root);
        if (!Files.isDirectory(root)) {
            throw new IOException("Folder does not exist: " + root);
        }
        if (!Files.isDirectory(ws.raw()) && !Files.isDirectory(ws.labeling()) && !Files.isDirectory(ws.processed())) {
            throw new IOException(root + " is not a Fluffy workspace (no Raw/, Labeling/ or Processed/); run 'fluffy init "
                    + root + "' first");
        }
        return ws;
    }

    /** The item name of a file: its name up to the first dot, as the original Fluffy did. */
    public static String itemName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public Path raw() {
        return root.resolve(RAW);
    }

    public Path labeling() {
        return root.resolve(LABELING);
    }

    public Path processed() {
        return root.resolve(PROCESSED);
    }

    public Path runs() {
        return root.resolve(RUNS);
    }

    public Path run(String name) {
        return runs().resolve(name);
    }

    public Path predictions() {
        return root.resolve(PREDICTIONS);
    }

    public Path predictions(String name) {
        return predictions().resolve(name);
    }

    public Path processedImages() {
        return processed().resolve("images");
    }

    public Path processedMasks() {
        return processed().resolve("masks");
    }

    public Path labelingFolder(String name) {
        return labeling().resolve(name);
    }

    public Path labelingImage(String name) {
        return labelingFolder(name).resolve("images").resolve(name + ".tif");
    }

    public Path labelingMasks(String name) {
        return labelingFolder(name).resolve("masks");
    }

    public Path roiSet(String name) {
        return labelingFolder(name).resolve("RoiSet.zip");
    }

    public Path processedImage(String name) {
        return processedImages().resolve(name + ".tif");
    }

    public Path processedMask(String name) {
        return processedMasks().resolve(name + ".tif");
    }

    /** Files directly in {@code Raw/} that {@code isImage} accepts, hidden ones skipped, in natural order. */
    public List<Path> rawFiles(Predicate<Path> isImage) throws IOException {
        return children(raw(), p -> Files.isRegularFile(p) && isImage.test(p));
    }

    /** The item folders in {@code Labeling/}, by name, in natural order. */
    public List<String> labelingItems() throws IOException {
        return children(labeling(), Files::isDirectory).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** The annotation files in {@code Labeling/<name>/masks/}, in natural order. */
    public List<Path> maskFiles(String name) throws IOException {
        return children(labelingMasks(name), Files::isRegularFile);
    }

    /** Whether someone has annotated the item: a ROI set or any mask file exists. */
    public boolean isAnnotated(String name) throws IOException {
        return Files.isRegularFile(roiSet(name)) || !maskFiles(name).isEmpty();
    }

    public ItemState state(String name) throws IOException {
        if (Files.isRegularFile(processedMask(name)) && Files.isRegularFile(processedImage(name))) {
            return ItemState.LABELLED;
        }
        if (isAnnotated(name)) {
            return ItemState.ANNOTATED;
        }
        return Files.isRegularFile(labelingImage(name)) ? ItemState.PREPARED : ItemState.RAW;
    }

    /** Every item: raw images, prepared or annotated folders in {@code Labeling/}, processed pairs. */
    public List<WorkspaceItem> items(Predicate<Path> isImage) throws IOException {
        Map<String, Path> rawByName = new TreeMap<>(NaturalOrder.INSTANCE);
        for (Path file : rawFiles(isImage)) {
            rawByName.putIfAbsent(itemName(file), file);
        }
        Map<String, Optional<Path>> names = new TreeMap<>(NaturalOrder.INSTANCE);
        rawByName.forEach((name, file) -> names.put(name, Optional.of(file)));
        for (String name : labelingItems()) {
            names.putIfAbsent(name, sourceOf(name, rawByName));
        }
        for (Path image : children(processedImages(), Files::isRegularFile)) {
            names.putIfAbsent(itemName(image), sourceOf(itemName(image), rawByName));
        }
        List<WorkspaceItem> items = new ArrayList<>();
        for (var e : names.entrySet()) {
            items.add(new WorkspaceItem(e.getKey(), e.getValue(), state(e.getKey())));
        }
        return items;
    }

    private static Optional<Path> sourceOf(String name, Map<String, Path> rawByName) {
        Path exact = rawByName.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher slice = SLICE.matcher(name);
        return slice.matches() ? Optional.ofNullable(rawByName.get(slice.group(1))) : Optional.empty();
    }

    private static List<Path> children(Path folder, Predicate<Path> accept) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && accept.test(p)) {
                    found.add(p);
                }
            }
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        return found;
    }
}
