package fluffy.ui.results;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Composite;

import fluffy.core.workspace.Workspace;
import fluffy.inference.PredictionsFolder;
import fluffy.ui.SelectedItem;
import fluffy.ui.SelectedPredictions;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Results Viewer view. A predictions folder selected in the navigator is opened and scored; an image
 * selected there is shown from the open folder, or from the first folder under the workspace's
 * Predictions/ that has it. Predictions are read from disk, so any tool that writes {@code <stem>.tif}
 * label maps (fluffy predict, a script, Fiji) can be reviewed here.
 */
public class ResultsViewerPart {

    @Inject
    private UISynchronize sync;

    private ResultsView view;

    @PostConstruct
    public void create(Composite parent) {
        view = new ResultsView(parent, sync::asyncExec);
    }

    @Inject
    @Optional
    void predictionsSelected(@Named(IServiceConstants.ACTIVE_SELECTION) SelectedPredictions selection) {
        if (selection != null && live()) {
            view.open(PredictionsFolder.of(selection.folder(), selection.workspace()), null);
        }
    }

    @Inject
    @Optional
    void itemSelected(@Named(IServiceConstants.ACTIVE_SELECTION) SelectedItem selection) {
        if (selection == null || !live()) {
            return;
        }
        if (view.folder() != null && view.has(selection.name())) {
            view.show(selection.name());
            return;
        }
        Path folder = folderWith(selection.workspace(), selection.name());
        if (folder != null) {
            view.open(PredictionsFolder.of(folder, selection.workspace()), selection.name());
        }
    }

    /** The first folder in the workspace's Predictions/ with a label map of this item, or null. */
    static Path folderWith(Workspace ws, String name) {
        Path predictions = ws.predictions();
        if (!Files.isDirectory(predictions)) {
            return null;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(predictions, Files::isDirectory)) {
            for (Path f : folders) {
                if (PredictionsFolder.inWorkspace(ws, f).stems().contains(name)) {
                    return f;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private boolean live() {
        return view != null && !view.control().isDisposed();
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
