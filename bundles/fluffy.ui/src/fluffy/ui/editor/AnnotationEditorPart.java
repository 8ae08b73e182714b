package fluffy.ui.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;

import fluffy.core.workspace.Workspace;
import fluffy.io.rois.LabelMapFiles;
import fluffy.jobs.FluffyJob;
import fluffy.jobs.FluffyJobs;
import fluffy.jobs.PredictionJob;
import fluffy.jobs.WorkspaceJob;
import fluffy.ui.FluffyTopics;
import fluffy.ui.preferences.FluffyPreferences;
import fluffy.ui.SelectedItem;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Annotation Editor view: the image of the item selected in the navigator with its RoiSet.zip, if it
 * has one. Saving writes the item's RoiSet.zip (Fiji opens it) and rebuilds its label map in a Job, so the
 * item becomes a training pair at once. Images and ROI sets are read in Jobs.
 */
public class AnnotationEditorPart {

    @Inject
    private UISynchronize sync;
    @Inject
    private IEventBroker broker;

    private AnnotationEditorView view;
    private final ClickModel clickModel = new ClickModel();
    private SelectedItem item;
    private int generation;

    @PostConstruct
    public void create(Composite parent) {
        view = new AnnotationEditorView(parent, this::save, this::openRoiSet, this::predictRois);
        view.canvas().onClickToAdd(this::clickToAdd);
        view.control().addDisposeListener(e -> clickModel.close());
    }

    @Inject
    @Optional
    void selectionChanged(@Named(IServiceConstants.ACTIVE_SELECTION) SelectedItem selected) {
        if (selected == null || view == null || view.control().isDisposed() || selected.equals(item)) {
            return;
        }
        if (view.document().dirty() && item != null && MessageDialog.openQuestion(view.control().getShell(),
                "Unsaved ROIs", "Save the ROIs of " + item.name() + " before opening " + selected.name() + "?")) {
            save();
        }
        Path file = imageOf(selected);
        if (file == null) {
            view.showStatus(selected.name() + " has no image to annotate yet; prepare it first.");
            return;
        }
        item = selected;
        int mine = ++generation;
        Path roiSet = selected.workspace().roiSet(selected.name());
        view.showStatus("Opening " + file.getFileName() + "…");
        FluffyJob job = FluffyJob.of("Opening " + file.getFileName(), FluffyJobs.READING, null, monitor -> {
            try {
                EditorImage image = EditorImage.read(file);
                boolean hasRois = Files.isRegularFile(roiSet);
                Path mask = selected.workspace().processedMask(selected.name());
                boolean hasMask = !hasRois && Files.isRegularFile(mask);
                // A training pair whose label map was made elsewhere opens with its objects, ready to correct.
                RoiDocument doc = hasRois ? RoiDocument.read(roiSet)
                        : hasMask ? RoiDocument.ofLabelMap(LabelMapFiles.read(mask)) : new RoiDocument();
                String source = hasRois ? "ROIs from " + roiSet.getFileName() + doc.ignoredNote()
                        : hasMask ? "its label map's objects; Save makes them its RoiSet.zip" : "no RoiSet.zip yet";
                java.util.List<Path> models = fluffy.ui.WorkbenchPrediction.models(selected.workspace(),
                        FluffyPreferences.instance().defaultModel());
                sync.asyncExec(() -> {
                    if (mine == generation && !view.control().isDisposed()) {
                        view.show(image, doc, source);
                        view.setModels(models);
                    }
                });
            } catch (IOException | RuntimeException e) {
                sync.asyncExec(() -> view.showStatus(file.getFileName() + ": " + e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** The image to annotate: the prepared one in Labeling/, else the training image, else the raw file. */
    static Path imageOf(SelectedItem item) {
        Workspace ws = item.workspace();
        for (Path p : new Path[] {ws.labelingImage(item.name()), ws.processedImage(item.name())}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return item.item().raw().orElse(null);
    }

    /** Writes the RoiSet.zip, then rebuilds the item's label map off the UI thread. */
    private void save() {
        if (item == null) {
            return;
        }
        Workspace ws = item.workspace();
        String name = item.name();
        try {
            Files.createDirectories(ws.labelingFolder(name));
            view.document().save(ws.roiSet(name));
        } catch (IOException e) {
            view.showStatus("Could not save " + ws.roiSet(name) + ": " + e.getMessage());
            return;
        }
        // The same workspace step as Build Label Maps, so the two never write Processed/ at once.
        WorkspaceJob job = WorkspaceJob.buildLabelMap(ws, name);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                String outcome = job.reports().isEmpty() ? event.getResult().getMessage()
                        : job.line(job.reports().get(0));
                sync.asyncExec(() -> view.showStatus("Saved " + ws.root().relativize(ws.roiSet(name)) + "; " + outcome));
                broker.post(FluffyTopics.WORKSPACE_CHANGED, ws.root());
            }
        });
        job.schedule();
    }

    /** Correct instead of draw: a model's objects replace the ROIs shown, unsaved, for the user to fix. */
    private void predictRois() {
        if (item == null) {
            return;
        }
        java.awt.Rectangle region = view.visibleRegion();
        if (region != null) {
            predictRegion(region);
            return;
        }
        SelectedItem target = item;
        int rois = view.document().rois().size();
        if (rois > 0 && !MessageDialog.openQuestion(view.control().getShell(), "Predict ROIs", "Replace the " + rois
                + " ROIs shown with the objects a model finds? Nothing is saved until you press Save.")) {
            return;
        }
        Path file = imageOf(target);
        int mine = generation;
        FluffyPreferences prefs = FluffyPreferences.instance();
        view.showStatus("Predicting " + file.getFileName() + "…");
        Path chosen = view.chosenModel();
        PredictionJob job = chosen == null ? PredictedRois.job(target.workspace(), file, prefs.defaultModel(),
                prefs.device(), prefs.threads()) : fluffy.ui.WorkbenchPrediction.job(chosen, java.util.List.of(file),
                        fluffy.ui.WorkbenchPrediction.outputFolder(target.workspace(), chosen), prefs.device(),
                        prefs.threads(), true);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                broker.post(FluffyTopics.WORKSPACE_CHANGED, target.workspace().root());
                try {
                    RoiDocument doc = PredictedRois.read(job);
                    sync.asyncExec(() -> {
                        if (mine == generation && !view.control().isDisposed()) {
                            view.setDocument(doc);
                            Path model = job.plan().model().file();
                            view.showStatus(doc.rois().size() + " objects predicted by " + model.getParent()
                                    .getFileName() + "/" + model.getFileName() + ": correct them, then Save");
                        }
                    });
                } catch (IOException e) {
                    sync.asyncExec(() -> view.showStatus("Prediction failed: " + e.getMessage()));
                }
            }
        });
        job.schedule();
    }

    /** Predict ROIs on the region in view, in memory with the editor's model (as Click to add). */
    private void predictRegion(java.awt.Rectangle region) {
        EditorImage image = view.image();
        Workspace ws = item.workspace();
        int mine = generation;
        FluffyPreferences prefs = FluffyPreferences.instance();
        Path chosen = view.chosenModel();
        view.showStatus("Predicting the region in view…");
        FluffyJob job = FluffyJob.of("Predicting a region of " + image.file().getFileName(), FluffyJobs.READING, null,
                monitor -> {
                    try {
                        java.util.List<Path> models = chosen != null ? java.util.List.of(chosen)
                                : fluffy.ui.WorkbenchPrediction.models(ws, prefs.defaultModel());
                        if (models.isEmpty()) {
                            throw new IOException("no model: train one, or set a default model in File › Preferences");
                        }
                        java.util.List<ij.gui.Roi> found;
                        synchronized (clickModel) { // one session, one prediction at a time
                            fluffy.inference.Predictor predictor = clickModel.predictor(models.get(0), prefs.device(),
                                    prefs.threads());
                            found = RegionPrediction.objects(predictor, image.planes(predictor.model().channels()),
                                    region, monitor);
                        }
                        String where = " by " + models.get(0).getParent().getFileName() + "/"
                                + models.get(0).getFileName();
                        sync.asyncExec(() -> {
                            if (mine == generation && !view.control().isDisposed() && view.image() == image) {
                                view.regionPredicted(region, found, where);
                            }
                        });
                    } catch (Exception e) {
                        sync.asyncExec(() -> view.showStatus("Prediction failed: " + e.getMessage()));
                    }
                    return Status.OK_STATUS;
                });
        job.setSystem(true);
        job.schedule();
    }

    /**
     * Click to add: the workspace's newest model (else the preferences', else the default model) predicts a
     * window around the click in a Job, and the object under the click joins the ROIs.
     */
    private void clickToAdd(int x, int y) {
        EditorImage image = view.image();
        if (item == null || image == null) {
            return;
        }
        Workspace ws = item.workspace();
        int mine = generation;
        FluffyPreferences prefs = FluffyPreferences.instance();
        Path chosen = view.chosenModel();
        view.showStatus("Finding the object at " + x + ", " + y + "…");
        FluffyJob job = FluffyJob.of("Finding the object at " + x + ", " + y, FluffyJobs.READING, null, monitor -> {
            try {
                java.util.List<Path> models = chosen != null ? java.util.List.of(chosen)
                        : fluffy.ui.WorkbenchPrediction.models(ws, prefs.defaultModel());
                if (models.isEmpty()) {
                    throw new IOException("no model: train one, or set a default model in File › Preferences");
                }
                boolean[] mask;
                synchronized (clickModel) { // one session, one prediction at a time
                    fluffy.inference.Predictor predictor = clickModel.predictor(models.get(0), prefs.device(),
                            prefs.threads());
                    mask = ClickToAdd.objectAt(predictor, image.planes(predictor.model().channels()), x, y, monitor);
                }
                String where = " (" + models.get(0).getParent().getFileName() + "/" + models.get(0).getFileName() + ")";
                sync.asyncExec(() -> {
                    if (mine == generation && !view.control().isDisposed() && view.image() == image) {
                        view.addFound(mask, where);
                    }
                });
            } catch (Exception e) {
                sync.asyncExec(() -> view.showStatus("Click to add failed: " + e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void openRoiSet() {
        FileDialog dialog = new FileDialog(view.control().getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.zip;*.roi", "*.*"});
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        try {
            RoiDocument doc = RoiDocument.read(Path.of(chosen));
            doc.markUnsaved();
            view.setDocument(doc);
            view.showStatus(doc.rois().size() + " ROIs from " + chosen + doc.ignoredNote()
                    + "; Save makes them this image's RoiSet.zip");
        } catch (IOException e) {
            view.showStatus(e.getMessage());
        }
    }

    @Focus
    public void focus() {
        view.canvas().control().setFocus();
    }
}
