package fluffy.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import fluffy.inference.PredictionsFolder;
import fluffy.jobs.FluffyJob;
import fluffy.jobs.FluffyJobs;
import fluffy.ui.widgets.ImageCanvas;

/**
 * The Results Viewer's content: a predictions folder's label maps over their images, with the style
 * controls and the before/after split above, and the metrics of every image below. Reading happens in
 * Jobs; results that arrive after the user moved on are dropped.
 */
public final class ResultsView {

    private final Composite root;
    private final OverlayControls controls;
    private final Label status;
    private final Button review;
    private int reviewed = -1;
    private final Button export;
    private final ImageCanvas canvas;
    private final MetricsTable table;
    private final Executor ui;
    private PredictionsFolder folder;
    private String stem;
    private LoadedResult shown;
    private int generation;

    /** @param ui runs UI updates on the display thread */
    public ResultsView(Composite parent, Executor ui) {
        this.ui = ui;
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(root);
        controls = new OverlayControls(root, this::render, this::splitMoved);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(controls.control());
        Composite line = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(line);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(line);
        status = new Label(line, SWT.NONE);
        // Short enough for the view at 1280 x 800; the whole hint is the tooltip.
        status.setText("No predictions open.");
        status.setToolTipText("Select a predictions folder in the Dataset Navigator");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        review = new Button(line, SWT.PUSH);
        review.setText("Next doubtful ▸");
        review.setToolTipText("Walk through this image's objects the model is least sure of, most doubtful first "
                + "(faint, a weak seed, an unusual size; from the probabilities when prediction kept them)");
        review.setEnabled(false);
        review.addListener(SWT.Selection, e -> nextDoubtful());
        export = new Button(line, SWT.PUSH);
        export.setText("Export…");
        export.setToolTipText("Write every label map, binary mask and Fiji RoiSet.zip of this folder elsewhere");
        export.setEnabled(false);
        export.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(root.getShell());
            dialog.setText("Export the predictions of " + folder.folder().getFileName() + " into");
            String chosen = dialog.open();
            if (chosen != null) {
                export(Path.of(chosen));
            }
        });
        SashForm sash = new SashForm(root, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        canvas = new ImageCanvas(sash);
        canvas.showMessage("No predictions open.");
        canvas.onSplitMoved(() -> controls.split.setSelection((int) Math.round(canvas.split() * 100)));
        table = new MetricsTable(sash, this::show);
        sash.setWeights(62, 38); // at 1280 x 800 the table shows a few rows, not one
    }

    public Control control() {
        return root;
    }

    public PredictionsFolder folder() {
        return folder;
    }

    /** The stem shown, or null. */
    public String shownStem() {
        return shown == null ? null : shown.sources().stem();
    }

    /** Lists a folder's predictions, scores them all and shows {@code first} (or the first one). */
    public void open(PredictionsFolder newFolder, String first) {
        folder = newFolder;
        stem = null;
        shown = null;
        int mine = ++generation;
        status.setText("Reading " + newFolder.folder() + "…");
        status.setToolTipText(status.getText());
        export.setEnabled(true);
        table.setRows(List.of());
        FluffyJob job = FluffyJob.of("Scoring the predictions in " + newFolder.folder().getFileName(), FluffyJobs.READING, null, monitor -> {
            List<MetricsRow> rows = new ArrayList<>();
            try {
                for (PredictionsFolder.Sources s : newFolder.all()) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    rows.add(LoadedResult.score(s));
                }
            } catch (IOException e) {
                ui.execute(() -> problem(mine, "Cannot read " + newFolder.folder() + ": " + e.getMessage()));
                return Status.OK_STATUS;
            }
            ui.execute(() -> listed(mine, rows, first));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Exports the open folder's predictions into {@code target} in a Job; the outcome goes to the status line. */
    public Job export(Path target) {
        PredictionsFolder f = folder;
        FluffyJob job = FluffyJob.of("Exporting " + f.folder().getFileName() + " to " + target, FluffyJobs.EXPORT, null, monitor -> {
            try {
                List<String> lines = ResultsExport.run(f, target, monitor);
                List<String> failed = lines.stream().filter(l -> l.contains(": FAILED: ")).toList();
                ui.execute(() -> showStatus("Exported " + (lines.size() - failed.size()) + " of " + lines.size()
                        + " predictions to " + target + (failed.isEmpty() ? "" : "; " + String.join("; ", failed))));
            } catch (IOException e) {
                ui.execute(() -> showStatus("Export failed: " + e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private void showStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.setToolTipText(text);
        }
    }

    /** Shows the prediction of {@code newStem} in the open folder. */
    public void show(String newStem) {
        if (folder == null || newStem.equals(stem)) {
            return;
        }
        stem = newStem;
        int mine = ++generation;
        PredictionsFolder f = folder;
        table.reveal(newStem);
        FluffyJob job = FluffyJob.of("Reading the prediction of " + newStem, FluffyJobs.READING, null, monitor -> {
            try {
                LoadedResult result = LoadedResult.load(f.sources(newStem));
                ui.execute(() -> loaded(mine, result));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> problem(mine, newStem + ": " + e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Whether the open folder has a prediction for {@code name}. */
    public boolean has(String name) {
        return table.rows().stream().anyMatch(r -> r.stem().equals(name));
    }

    private void listed(int mine, List<MetricsRow> rows, String first) {
        if (root.isDisposed() || mine != generation) {
            return;
        }
        table.setRows(rows);
        if (rows.isEmpty()) {
            problem(mine, "No label maps (<stem>.tif) in " + folder.folder());
            return;
        }
        status.setText(folder.folder().toString());
        status.setToolTipText(status.getText());
        show(first != null && has(first) ? first : rows.get(0).stem());
    }

    private void loaded(int mine, LoadedResult result) {
        if (root.isDisposed() || mine != generation) {
            return;
        }
        shown = result;
        var p = result.predicted();
        String text = result.sources().stem() + "   " + p.width() + " × " + p.height() + ", "
                + p.objectCount() + " predicted objects" + (result.truth() == null ? ", no ground truth"
                        : ", " + result.truth().objectCount() + " true");
        status.setText(result.note().isEmpty() ? text : text + "   (" + result.note() + ")");
        status.setToolTipText(status.getText());
        controls.compare.setEnabled(result.comparison() != null);
        reviewed = -1;
        review.setEnabled(!result.doubts().isEmpty());
        ImageData before = OverlayRenderer.render(result.base(), p, null, null,
                new OverlayRenderer.Style(OverlayRenderer.Mode.FILLED, 0, false));
        canvas.setImages(before, overlay(result));
        canvas.setSplit(controls.split.getSelection() / 100.0);
    }

    private void splitMoved() {
        canvas.setSplit(controls.split.getSelection() / 100.0);
    }

    private void render() {
        if (shown != null) {
            canvas.setAfter(overlay(shown));
        }
    }

    private ImageData overlay(LoadedResult r) {
        ImageData data = OverlayRenderer.render(r.base(), r.predicted(), r.truth(), r.comparison(), controls.style());
        if (reviewed >= 0 && reviewed < r.doubts().size()) {
            OverlayRenderer.highlight(data, r.predicted(), r.doubts().get(reviewed).label());
        }
        return data;
    }

    /** The review queue: the next object in order of doubt, outlined in yellow, and why it is doubted. */
    private void nextDoubtful() {
        if (shown == null || shown.doubts().isEmpty()) {
            return;
        }
        reviewed = (reviewed + 1) % shown.doubts().size();
        var d = shown.doubts().get(reviewed);
        showStatus("Review " + (reviewed + 1) + " of " + shown.doubts().size() + ": object " + d.label() + ", "
                + d.describe());
        canvas.setAfter(overlay(shown));
    }

    /** The label of the object under review, or 0. */
    int reviewedLabel() {
        return shown == null || reviewed < 0 ? 0 : shown.doubts().get(reviewed).label();
    }

    Button reviewButton() {
        return review;
    }

    private void problem(int mine, String text) {
        if (root.isDisposed() || mine != generation) {
            return;
        }
        status.setText(text);
        status.setToolTipText(text);
        canvas.showMessage(text);
    }

    OverlayControls controls() {
        return controls;
    }

    ImageCanvas canvas() {
        return canvas;
    }

    Label status() {
        return status;
    }

    MetricsTable table() {
        return table;
    }
}
