package fluffy.ui.navigator;

import java.nio.file.Path;
import java.util.List;

import fluffy.core.workspace.Workspace;

/** What the navigator's buttons do with the open workspace; the part supplies dialogs and Jobs, tests a stub. */
public interface NavigatorActions {

    /** Copy image files into Raw/; with no files, ask for them. */
    void importImages(Workspace workspace, List<Path> files);

    /** Convert the raw images into images to annotate (asks for slice, frame, projection and channel). */
    void prepare(Workspace workspace);

    /** Turn annotations into label maps and training pairs. */
    void buildLabelMaps(Workspace workspace);

    /** Start a training on the workspace's training pairs (asks for the model type and settings). */
    void train(Workspace workspace);

    /** Predict images of the workspace with a trained model (asks for the model, images and device). */
    void predict(Workspace workspace);

    /**
     * Score a predictions folder against the workspace's label maps and write evaluation.csv/json into it.
     *
     * @param predictions the folder selected in the navigator, or null when none is
     */
    void evaluate(Workspace workspace, Path predictions);
}
