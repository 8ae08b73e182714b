package fluffy.ui.results;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fluffy.core.image.ImageFiles;
import fluffy.core.image.NaturalOrder;
import fluffy.core.workspace.Workspace;

/**
 * A folder of predictions as {@code fluffy predict} writes them ({@code <stem>.tif} label maps beside
 * masks, overlays and ROI sets), and where each prediction's image and ground truth are. In a workspace
 * they are the training pair {@code Processed/images|masks/<stem>.tif}, else the item's image in
 * {@code Labeling/} or its raw file; for a folder on its own, {@code ../images/} and {@code ../masks/}
 * beside it (the layout of a Processed/ folder), when they exist.
 *
 * @param workspace null for a folder opened on its own
 */
public record PredictionFolder(Path folder, Workspace workspace) {

    /** Where one prediction's files are; {@code image} and {@code truth} may be absent. */
    public record Sources(String stem, Path labels, Optional<Path> image, Optional<Path> truth) {
    }

    /** The stems of the label maps, in natural order (probability stacks are not label maps). */
    public List<String> stems() throws IOException {
        List<String> stems = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.tif")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.endsWith("_probabilities.tif") && !name.startsWith(".")) {
                    stems.add(name.substring(0, name.length() - ".tif".length()));
                }
            }
        }
        stems.sort(NaturalOrder.INSTANCE);
        return stems;
    }

    public Sources sources(String stem) throws IOException {
        Path labels = folder.resolve(stem + ".tif");
        if (workspace != null) {
            Optional<Path> image = first(workspace.processedImage(stem), workspace.labelingImage(stem));
            if (image.isEmpty()) {
                image = workspace.rawFiles(ImageFiles::hasImageExtension).stream()
                        .filter(f -> Workspace.itemName(f).equals(stem)).findFirst();
            }
            return new Sources(stem, labels, image, first(workspace.processedMask(stem)));
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent == null) {
            return new Sources(stem, labels, Optional.empty(), Optional.empty());
        }
        return new Sources(stem, labels, sameStem(parent.resolve("images"), stem), first(parent.resolve("masks/" + stem + ".tif")));
    }

    private static Optional<Path> first(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** An image file named {@code <stem>.<extension>} in {@code dir}, whatever its extension. */
    private static Optional<Path> sameStem(Path dir, String stem) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return ImageFiles.list(dir).stream().filter(f -> {
            String name = f.getFileName().toString();
            return name.startsWith(stem + ".") && name.lastIndexOf('.') == stem.length();
        }).min(Comparator.comparing(Path::toString));
    }
}
