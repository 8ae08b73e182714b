package fluffy.ui.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import fluffy.io.rois.RoiSet;
import fluffy.io.rois.RoiSetReader;
import fluffy.io.rois.Skipped;
import fluffy.io.rois.RoiSetWriter;
import ij.gui.Roi;

/**
 * The ROIs of one image being annotated, with selection and undo/redo. Every change replaces the list
 * with a new one (ROIs are cloned on the way in and never changed after), so an undo step is just the
 * previous list. Saving writes a Fiji RoiSet.zip through the I/O bundle.
 */
public final class RoiDocument {

    /** Undo steps kept; enough for a session of drawing, bounded so memory is too. */
    static final int UNDO_LIMIT = 200;

    private List<Roi> rois = List.of();
    private List<Skipped> ignored = List.of();
    private int selected = -1;
    private boolean dirty;
    private final Deque<List<Roi>> undo = new ArrayDeque<>();
    private final Deque<List<Roi>> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * Reads a RoiSet.zip; entries that could not be decoded or were refused (unsafe names, zip-bomb sizes)
     * are left out and listed by {@link #ignored()}.
     */
    public static RoiDocument read(Path roiSet) throws IOException {
        RoiDocument doc = new RoiDocument();
        RoiSet set = RoiSetReader.read(roiSet);
        doc.rois = set.rois().stream().map(RoiSet.Entry::roi).toList();
        doc.ignored = List.copyOf(set.skipped());
        return doc;
    }

    /**
     * The objects of a label map made elsewhere (by {@code fluffy labels --masks}, another tool, or a
     * prediction) as ROIs to edit; not marked unsaved: until edited they say what the label map says.
     */
    public static RoiDocument ofLabelMap(fluffy.core.labels.LabelMap labels) {
        RoiDocument doc = new RoiDocument();
        doc.rois = List.copyOf(fluffy.io.rois.LabelMapRois.rois(labels, 0, 0));
        return doc;
    }

    /** The entries of the file read that are not among the ROIs, each with why. */
    public List<Skipped> ignored() {
        return ignored;
    }

    /** A status-line note of the ignored entries ("" when none): how many, and the first one's reason. */
    public String ignoredNote() {
        if (ignored.isEmpty()) {
            return "";
        }
        return "; " + ignored.size() + " entr" + (ignored.size() == 1 ? "y" : "ies") + " ignored (" + ignored.get(0)
                + (ignored.size() > 1 ? ", ..." : "") + ")";
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** The ROIs, in the order they will be saved (and numbered in the label map). */
    public List<Roi> rois() {
        return rois;
    }

    /** The selected index, or -1. */
    public int selected() {
        return selected;
    }

    public boolean dirty() {
        return dirty;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Adds a ROI at the end and selects it. */
    public void add(Roi roi) {
        List<Roi> next = new ArrayList<>(rois);
        next.add((Roi) roi.clone());
        change(next, next.size() - 1);
    }

    /** Deletes the selected ROI; nothing happens without a selection. */
    public void deleteSelected() {
        if (selected < 0) {
            return;
        }
        List<Roi> next = new ArrayList<>(rois);
        next.remove(selected);
        change(next, -1);
    }

    /** Replaces ROI {@code index} (moved or reshaped) as one undo step. */
    public void replace(int index, Roi roi) {
        List<Roi> next = new ArrayList<>(rois);
        next.set(index, (Roi) roi.clone());
        change(next, index);
    }

    /**
     * Replaces ROI {@code index} by {@code parts} (an edited object: one, several after a split or an
     * erasure that cut it, none when it was erased), as one undo step; the first part is selected.
     */
    public void replaceWith(int index, List<Roi> parts) {
        List<Roi> next = new ArrayList<>(rois);
        next.remove(index);
        for (int k = 0; k < parts.size(); k++) {
            next.add(index + k, (Roi) parts.get(k).clone());
        }
        change(next, parts.isEmpty() ? -1 : index);
    }

    /**
     * Replaces the ROIs whose bounds' centre lies in {@code region} by {@code found} (a region predicted
     * again), as one undo step; ROIs elsewhere stay.
     */
    public void replaceInRegion(java.awt.Rectangle region, List<Roi> found) {
        List<Roi> next = new ArrayList<>();
        for (Roi r : rois) {
            java.awt.Rectangle b = r.getBounds();
            if (!region.contains(b.getCenterX(), b.getCenterY())) {
                next.add(r);
            }
        }
        found.forEach(r -> next.add((Roi) r.clone()));
        change(next, -1);
    }

    /** Replaces ROIs {@code a} and {@code b} by {@code merged} (at {@code a}'s place), as one undo step. */
    public void merge(int a, int b, Roi merged) {
        if (a == b) {
            throw new IllegalArgumentException("an object cannot be merged with itself");
        }
        List<Roi> next = new ArrayList<>(rois);
        next.set(a, (Roi) merged.clone());
        next.remove(b);
        change(next, b < a ? a - 1 : a);
    }

    public void select(int index) {
        if (index < -1 || index >= rois.size()) {
            throw new IndexOutOfBoundsException("no ROI " + index + " of " + rois.size());
        }
        if (index != selected) {
            selected = index;
            fire();
        }
    }

    /**
     * The ROI under an image point: of those containing it, the smallest, so a small nucleus drawn over a
     * large one can be picked; -1 when none does.
     */
    public int hit(double x, double y) {
        int best = -1;
        double bestArea = Double.MAX_VALUE;
        for (int i = 0; i < rois.size(); i++) {
            Roi r = rois.get(i);
            // Roi.containsPoint is false for ImageJ freehand ROIs built from float polygons; the outline is
            // what the user sees, so test against it.
            if (r.getFloatPolygon().contains((float) x, (float) y)) {
                double area = r.getBounds().getWidth() * r.getBounds().getHeight();
                if (area < bestArea) {
                    best = i;
                    bestArea = area;
                }
            }
        }
        return best;
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(rois);
            rois = undo.pop();
            afterHistoryStep();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(rois);
            rois = redo.pop();
            afterHistoryStep();
        }
    }

    /** Marks ROIs that came from elsewhere (another RoiSet.zip) as not yet saved as this image's. */
    public void markUnsaved() {
        dirty = true;
        fire();
    }

    /** Writes the ROIs as a Fiji RoiSet.zip and marks the document saved. */
    public void save(Path roiSet) throws IOException {
        RoiSetWriter.write(rois, roiSet);
        dirty = false;
        fire();
    }

    private void change(List<Roi> next, int select) {
        undo.push(rois);
        while (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        rois = List.copyOf(next);
        selected = select;
        dirty = true;
        fire();
    }

    private void afterHistoryStep() {
        selected = Math.min(selected, rois.size() - 1);
        dirty = true;
        fire();
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
