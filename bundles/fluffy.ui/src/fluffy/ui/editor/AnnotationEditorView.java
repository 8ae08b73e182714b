package fluffy.ui.editor;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The Annotation Editor's content: flat tool bars (drawing and editing tools, brush size, undo, redo, delete,
 * fill holes, fit, the model with Predict ROIs and the review queue, open and save); a status line; the image
 * with its ROIs beside the ROI list and the contrast controls.
 */
public final class AnnotationEditorView {

    private final Composite root;
    private final Label status;
    private final AnnotationCanvas canvas;
    private final RoiList list;
    final ContrastControls contrast;
    final Map<RoiDrawing.Tool, ToolItem> tools = new EnumMap<>(RoiDrawing.Tool.class);
    final ToolItem undo;
    final ToolItem redo;
    final ToolItem delete;
    final ToolItem fillHoles;
    final ToolItem review;
    final Combo model;
    private java.util.List<java.nio.file.Path> models = java.util.List.of();
    final Spinner brushSize;
    final ToolItem save;
    final ToolItem predict;
    private RoiDocument document;
    private EditorImage image;
    private String hint = "";
    private String caption = "";

    /**
     * @param onSave        saves the document as the item's RoiSet.zip (and rebuilds its label map)
     * @param onOpenRoiSet  asks for a RoiSet.zip to load instead of the current ROIs
     * @param onPredict     runs a model on the image and loads its objects as ROIs to correct
     */
    public AnnotationEditorView(Composite parent, Runnable onSave, Runnable onOpenRoiSet, Runnable onPredict) {
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 2).applyTo(root);
        Composite bar = new Composite(root, SWT.NONE);
        // Flat tool bars in a row that wraps between groups: the editor shares the window with three other
        // views and is often narrow (about 540 px at 1280 x 800), and flat items take less room than buttons.
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.center = true;
        row.spacing = 6;
        row.marginLeft = row.marginRight = row.marginTop = row.marginBottom = 0;
        bar.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        ToolBar drawing = new ToolBar(bar, SWT.FLAT | SWT.RIGHT);
        ToolBar editing = new ToolBar(bar, SWT.FLAT | SWT.RIGHT);
        for (RoiDrawing.Tool t : RoiDrawing.Tool.values()) {
            ToolItem item = new ToolItem(t.ordinal() < RoiDrawing.Tool.BRUSH.ordinal() ? drawing : editing, SWT.CHECK);
            item.setText(t.label());
            item.setToolTipText(t.hint());
            item.addListener(SWT.Selection, e -> choose(t));
            tools.put(t, item);
        }
        tools.get(RoiDrawing.Tool.FREEHAND).setSelection(true);
        ToolBar changes = new ToolBar(bar, SWT.FLAT | SWT.RIGHT);
        undo = item(changes, "Undo", "Undo the last change (Ctrl+Z)", () -> document.undo());
        redo = item(changes, "Redo", "Redo (Ctrl+Y)", () -> document.redo());
        delete = item(changes, "Delete", "Delete the selected ROI (Del)", () -> document.deleteSelected());
        fillHoles = item(changes, "Fill holes", "Close the holes of the selected object", this::fillSelectedHoles);
        item(changes, "Fit", "Fit the image into the view (wheel or +/- zoom, right-drag or space-drag pans)",
                () -> canvas().fit());
        new ToolItem(changes, SWT.SEPARATOR);
        save = item(changes, "Save", "Save as the item's RoiSet.zip and rebuild its label map", onSave);
        item(changes, "Open…", "Open a Fiji RoiSet.zip instead of these ROIs", onOpenRoiSet);
        Composite size = new Composite(bar, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(2, 0).applyTo(size);
        new Label(size, SWT.NONE).setText("Size");
        brushSize = new Spinner(size, SWT.BORDER);
        brushSize.setValues(4, 1, 100, 0, 1, 5);
        brushSize.setToolTipText("The brush's and the eraser's radius in image pixels");
        brushSize.addListener(SWT.Selection, e -> canvas().setBrushRadius(brushSize.getSelection()));
        Composite assist = new Composite(bar, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(2, 0).applyTo(assist);
        new Label(assist, SWT.NONE).setText("Model");
        model = new Combo(assist, SWT.READ_ONLY | SWT.DROP_DOWN);
        model.setToolTipText("The model Predict ROIs and Click to add use: the newest run's (auto), a run's, "
                + "the default model, or any model file");
        model.addListener(SWT.Selection, e -> {
            if (model.getSelectionIndex() == model.getItemCount() - 1) {
                chooseModelFile();
            }
        });
        ToolBar predicting = new ToolBar(assist, SWT.FLAT | SWT.RIGHT);
        predict = item(predicting, "Predict ROIs", "Correct instead of draw: the chosen model finds the objects, which "
                + "replace these ROIs until you save; zoomed in, only the part in view is predicted and replaced", onPredict);
        review = item(predicting, "Next doubtful ▸", "Walk through the predicted objects the model is least sure of, "
                + "most doubtful first (after Predict ROIs)", this::nextDoubtful);
        setModels(java.util.List.of());
        status = new Label(root, SWT.NONE);
        status.setText("Select an image in the Dataset Navigator.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        canvas = new AnnotationCanvas(sash);
        // The ROI list above the contrast controls: contrast is set now and then, the image needs the height.
        Composite side = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(side);
        list = new RoiList(side, index -> document.select(index));
        GridDataFactory.fillDefaults().grab(true, true).hint(60, 60).applyTo(list.control());
        contrast = new ContrastControls(side, ranges -> {
            if (image != null) {
                canvas().setImage(image.render(ranges));
            }
        });
        canvas.onHint(text -> {
            hint = text;
            update();
        });
        sash.setWeights(76, 24);
        setDocument(new RoiDocument());
    }

    public Control control() {
        return root;
    }

    public RoiDocument document() {
        return document;
    }

    public EditorImage image() {
        return image;
    }

    public AnnotationCanvas canvas() {
        return canvas;
    }

    /** Shows an image with its ROIs; {@code text} names where they come from. */
    public void show(EditorImage newImage, RoiDocument doc, String text) {
        image = newImage;
        caption = newImage.description() + (text.isEmpty() ? "" : "   " + text);
        hint = "";
        contrast.setRange(newImage);
        canvas.setImage(newImage.render(contrast.ranges()));
        setDocument(doc);
    }

    /** Replaces the ROIs, keeping the image (a RoiSet.zip opened from elsewhere). */
    public void setDocument(RoiDocument doc) {
        document = doc;
        doc.addListener(() -> {
            if (!root.isDisposed() && document == doc) {
                update();
            }
        });
        canvas.setDocument(doc);
        update();
    }

    /**
     * The models to offer: the workspace's runs' and the default model ({@code WorkbenchPrediction.models}), after
     * "auto" (the newest) and before "Other…" (a file dialog). Keeps the choice when it is still offered.
     */
    public void setModels(java.util.List<java.nio.file.Path> offered) {
        java.nio.file.Path kept = chosenModel();
        models = new java.util.ArrayList<>(offered);
        if (kept != null && !models.contains(kept)) {
            models.add(kept);
        }
        model.removeAll();
        model.add("auto (newest run)");
        for (java.nio.file.Path p : models) {
            model.add(label(p));
        }
        model.add("Other…");
        model.select(kept == null ? 0 : models.indexOf(kept) + 1);
        root.layout(true, true); // the combo's width follows its longest entry
    }

    /** The model chosen, or null for "auto": the newest run's, else the preferences', else the default. */
    public java.nio.file.Path chosenModel() {
        int i = model == null ? 0 : model.getSelectionIndex();
        return i >= 1 && i <= models.size() ? models.get(i - 1) : null;
    }

    private static String label(java.nio.file.Path p) {
        java.nio.file.Path parent = p.getParent();
        return p.getFileName().toString().equals("model.onnx") && parent != null ? parent.getFileName().toString()
                : p.getFileName().toString();
    }

    private void chooseModelFile() {
        org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(root.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.onnx;*.zip;*.yaml", "*.*"});
        String file = dialog.open();
        java.util.List<java.nio.file.Path> offered = new java.util.ArrayList<>(models);
        if (file != null && !offered.contains(java.nio.file.Path.of(file))) {
            offered.add(java.nio.file.Path.of(file));
        }
        setModels(offered);
        if (file != null) {
            model.select(models.indexOf(java.nio.file.Path.of(file)) + 1);
        } else {
            model.select(0);
        }
    }

    /** The part of the image in view when zoomed in, or null when the whole image is in view. */
    public java.awt.Rectangle visibleRegion() {
        if (image == null) {
            return null;
        }
        org.eclipse.swt.graphics.Rectangle area = canvas.control().getClientArea();
        return RegionPrediction.visible(canvas.transform(), area.width, area.height, image.width(), image.height());
    }

    /** Puts a predicted region's objects in place of the ROIs there and says so. */
    public void regionPredicted(java.awt.Rectangle region, java.util.List<ij.gui.Roi> found, String where) {
        document.replaceInRegion(region, found);
        hint = found.size() + " objects predicted in the region " + region.x + ", " + region.y + " (" + region.width
                + " × " + region.height + ")" + where + ": correct them, then Save";
        update();
    }

    /** Adds an object found for the click-to-add tool and says so. */
    public void addFound(boolean[] mask, String where) {
        if (image == null) {
            return;
        }
        RoiEdits edits = new RoiEdits(image.width(), image.height());
        ij.gui.Roi roi = mask == null ? null : edits.whole(mask);
        if (roi == null) {
            hint = "The model finds no object there" + where;
        } else {
            document.add(roi);
            hint = "Added an object of " + edits.area(roi) + " pixels" + where;
        }
        update();
    }

    public void showStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.setToolTipText(text);
        }
    }

    private void update() {
        list.show(document.rois(), document.selected());
        undo.setEnabled(document.canUndo());
        redo.setEnabled(document.canRedo());
        delete.setEnabled(document.selected() >= 0);
        fillHoles.setEnabled(document.selected() >= 0);
        review.setEnabled(document.rois().stream().anyMatch(r -> r.getProperty(PredictedRois.DOUBT) != null));
        save.setEnabled(image != null && document.dirty());
        predict.setEnabled(image != null);
        if (image != null) {
            showStatus(caption + "   " + document.rois().size() + " ROIs" + (document.dirty() ? ", not saved" : "")
                    + (hint.isEmpty() ? "" : "   · " + hint));
        }
    }

    RoiList list() {
        return list;
    }

    Label status() {
        return status;
    }

    /**
     * Selects the next object in order of doubt (most doubtful first), after the one selected if that is in
     * the order, and says why the model doubts it.
     */
    private void nextDoubtful() {
        java.util.List<ij.gui.Roi> rois = document.rois();
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < rois.size(); i++) {
            if (rois.get(i).getProperty(PredictedRois.DOUBT) != null) {
                order.add(i);
            }
        }
        if (order.isEmpty()) {
            return;
        }
        order.sort(java.util.Comparator.comparingDouble(
                (Integer i) -> -Double.parseDouble(rois.get(i).getProperty(PredictedRois.DOUBT))));
        int at = order.indexOf(document.selected());
        int next = order.get((at + 1) % order.size());
        document.select(next);
        ij.gui.Roi r = rois.get(next);
        hint = "Review " + (order.indexOf(next) + 1) + " of " + order.size() + ": object " + (next + 1) + ", doubt "
                + r.getProperty(PredictedRois.DOUBT) + " (" + r.getProperty(PredictedRois.DOUBT + ".reason") + ")";
        update();
    }

    private void fillSelectedHoles() {
        int selected = document.selected();
        if (image == null || selected < 0) {
            return;
        }
        RoiEdits edits = new RoiEdits(image.width(), image.height());
        ij.gui.Roi before = document.rois().get(selected);
        ij.gui.Roi filled = edits.fillHoles(before);
        document.replaceWith(selected, java.util.List.of(filled));
        hint = "Object " + (selected + 1) + ": " + edits.area(before) + " -> " + edits.area(filled) + " pixels";
        update();
    }

    private static ToolItem item(ToolBar parent, String text, String tip, Runnable action) {
        ToolItem item = new ToolItem(parent, SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.addListener(SWT.Selection, e -> action.run());
        return item;
    }

    /** One tool at a time across the two tool bars (a radio group cannot span bars). */
    private void choose(RoiDrawing.Tool tool) {
        tools.forEach((t, item) -> item.setSelection(t == tool));
        canvas().setTool(tool);
    }
}
