package fluffy.ui;

import java.nio.file.Path;

import fluffy.core.workspace.Workspace;

/**
 * The selection when the user picks a folder of predictions ({@code <stem>.tif} label maps, as
 * {@code fluffy predict} writes them).
 *
 * @param workspace where the images and ground truth of the predictions are looked up; null for a
 *                  folder opened on its own
 */
public record SelectedPredictions(Path folder, Workspace workspace) {
}
