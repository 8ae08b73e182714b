package fluffy.ui.navigator;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fluffy.core.image.NaturalOrder;
import fluffy.core.workspace.ItemState;
import fluffy.core.workspace.Workspace;
import fluffy.core.workspace.WorkspaceItem;
import fluffy.inference.PredictionsFolder;
import fluffy.io.ImageFormats;
import fluffy.io.rois.RoiSetReader;
import fluffy.training.RunFolder;

/**
 * The tree the Dataset Navigator shows for a workspace, read from disk in one go (off the UI thread:
 * counting ROIs opens every RoiSet.zip). Groups follow the flow a user goes through: raw images, items
 * being labelled, training pairs, training runs, predictions.
 */
public final class WorkspaceContents {

    private WorkspaceContents() {
    }

    /**
     * The groups of a workspace, plus run folders opened from elsewhere.
     *
     * @param ws null when only run folders are open
     */
    public static List<NavigatorNode.Group> read(Workspace ws, List<Path> extraRuns) throws IOException {
        if (ws == null) {
            return List.of(group("Training runs", runs(List.copyOf(extraRuns))));
        }
        List<WorkspaceItem> items = ws.items(ImageFormats.platform()::claims);
        List<NavigatorNode> raw = new ArrayList<>();
        List<NavigatorNode> labelling = new ArrayList<>();
        List<NavigatorNode> processed = new ArrayList<>();
        for (WorkspaceItem item : items) {
            item.raw().ifPresent(file -> raw.add(new NavigatorNode.Item(ws, item, file.getFileName().toString(),
                    item.state() == ItemState.RAW ? "not prepared" : "prepared")));
            if (Files.isDirectory(ws.labelingFolder(item.name()))) {
                labelling.add(new NavigatorNode.Item(ws, item, item.name(), labellingDetail(ws, item)));
            }
            if (item.state() == ItemState.LABELLED) {
                processed.add(new NavigatorNode.Item(ws, item, item.name(), "image + label map"));
            }
        }
        List<Path> runFolders = new ArrayList<>(subfolders(ws.runs()).stream().filter(RunFolder::isRun)
                .toList());
        extraRuns.stream().filter(p -> !runFolders.contains(p)).forEach(runFolders::add);
        List<NavigatorNode> runs = runs(runFolders);
        List<NavigatorNode> predictions = new ArrayList<>();
        // Label maps written straight into Predictions/ (fluffy demo, a predict run pointed there) count too.
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(ws.predictions())) {
            folders.add(ws.predictions());
        }
        folders.addAll(subfolders(ws.predictions()));
        for (Path folder : folders) {
            int count = labelMapCount(folder);
            if (count > 0) {
                predictions.add(new NavigatorNode.Predictions(folder, ws, folder.getFileName().toString(),
                        count + (count == 1 ? " label map" : " label maps")));
            }
        }
        return List.of(group("Raw images", raw), group("Labelling", labelling), group("Processed pairs", processed),
                group("Training runs", runs), group("Predictions", predictions));
    }

    private static List<NavigatorNode> runs(List<Path> folders) {
        return folders.stream().<NavigatorNode>map(run -> new NavigatorNode.Run(run, run.getFileName().toString(),
                RunFolder.at(run).snapshot().summary())).toList();
    }

    /** not annotated / n ROIs / n mask files, and whether the label map has been built from them. */
    static String labellingDetail(Workspace ws, WorkspaceItem item) throws IOException {
        String annotation;
        Path roiSet = ws.roiSet(item.name());
        if (Files.isRegularFile(roiSet)) {
            annotation = roiCount(roiSet);
        } else if (!ws.maskFiles(item.name()).isEmpty()) {
            int n = ws.maskFiles(item.name()).size();
            annotation = n + (n == 1 ? " mask file" : " mask files");
        } else {
            annotation = "not annotated";
        }
        return item.state() == ItemState.LABELLED ? annotation + ", label map built" : annotation;
    }

    private static String roiCount(Path roiSet) {
        try {
            int n = RoiSetReader.read(roiSet).rois().size();
            return n + (n == 1 ? " ROI" : " ROIs");
        } catch (IOException e) {
            return "RoiSet.zip unreadable";
        }
    }

    /** Label maps in a predictions folder, as {@link PredictionsFolder} tells them from the files beside them. */
    static int labelMapCount(Path folder) throws IOException {
        return PredictionsFolder.standalone(folder).labelMaps().size();
    }

    private static NavigatorNode.Group group(String name, List<NavigatorNode> children) {
        return new NavigatorNode.Group(name + " (" + children.size() + ")", "", children);
    }

    private static List<Path> subfolders(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
                entries.forEach(found::add);
            }
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        return found;
    }
}
