package fluffy.ui;

import java.nio.file.Path;

/** The selection when the user picks a training run folder (model.onnx, epochs.csv, checkpoint). */
public record SelectedRun(Path folder) {
}
