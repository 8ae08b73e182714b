package fluffy.ui.editor;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;

/**
 * A ROI being drawn, in image coordinates, from mouse events the canvas translates. Freehand follows the
 * drag; a polygon gets a vertex per click and closes on a double click, Enter, or a click on its first
 * vertex; an ellipse spans the dragged box. The shapes are ImageJ's own ROI types, which Fiji reads back.
 */
public final class RoiDrawing {

    /**
     * The editor's tools. Select, freehand, polygon and ellipse make or pick whole ROIs (drawn here); brush,
     * eraser and split are strokes that change an object's pixels, merge joins two objects
     * ({@link RoiEdits}, applied by the canvas).
     */
    public enum Tool {
        SELECT("Click picks the smallest object under the cursor; drag moves it"),
        FREEHAND("Drag around an object to outline it"),
        POLYGON("Click the vertices; double click, Enter or a click on the first vertex closes"),
        ELLIPSE("Drag the box of an ellipse"),
        BRUSH("Paint onto the selected object (or a new one) with a disc of the brush size"),
        ERASER("Rub out pixels of the selected object (or the one under the stroke); a cut object falls apart"),
        SPLIT("Draw a line across an object to cut it in two; the parts together are the object"),
        MERGE("With an object selected, click another to join them into one"),
        ADD("Click an object: the model finds it in a window around the click and adds it");

        private final String hint;

        Tool(String hint) {
            this.hint = hint;
        }

        /** What the tool does, for its tooltip and the status line. */
        public String hint() {
            return hint;
        }

        /** Whether the tool is a stroke over existing objects rather than a shape drawn here. */
        public boolean edits() {
            return this == BRUSH || this == ERASER || this == SPLIT || this == MERGE || this == ADD;
        }

        /** The toolbar's word for it. */
        public String label() {
            return this == ADD ? "Click to add" : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Freehand points closer than this (image pixels) to the last one add nothing. */
    static final double MIN_STEP = 0.5;

    private final Tool tool;
    private final FloatPolygon points = new FloatPolygon();
    private double cursorX;
    private double cursorY;
    private boolean pressed;

    public RoiDrawing(Tool tool) {
        if (tool == Tool.SELECT || tool.edits()) {
            throw new IllegalArgumentException("the " + tool + " tool draws no ROI of its own");
        }
        this.tool = tool;
    }

    public Tool tool() {
        return tool;
    }

    /** Whether anything has been drawn yet. */
    public boolean started() {
        return points.npoints > 0;
    }

    /** Mouse button pressed; returns a finished ROI or null. */
    public Roi press(double x, double y, double closeDistance) {
        pressed = true;
        cursorX = x;
        cursorY = y;
        if (tool == Tool.POLYGON) {
            if (points.npoints >= 3 && Math.hypot(x - points.xpoints[0], y - points.ypoints[0]) <= closeDistance) {
                return close();
            }
            points.addPoint(x, y);
            return null;
        }
        points.npoints = 0;
        points.addPoint(x, y);
        return null;
    }

    public void move(double x, double y) {
        cursorX = x;
        cursorY = y;
        if (pressed && tool == Tool.FREEHAND) {
            int last = points.npoints - 1;
            if (Math.hypot(x - points.xpoints[last], y - points.ypoints[last]) >= MIN_STEP) {
                points.addPoint(x, y);
            }
        }
    }

    /** Mouse button released; freehand and ellipse finish here (null when too small to be an object). */
    public Roi release(double x, double y) {
        pressed = false;
        move(x, y);
        return switch (tool) {
            case FREEHAND -> points.npoints >= 3 ? new PolygonRoi(copy(), Roi.FREEROI) : reset();
            case ELLIPSE -> {
                double x0 = Math.min(points.xpoints[0], x);
                double y0 = Math.min(points.ypoints[0], y);
                double w = Math.abs(x - points.xpoints[0]);
                double h = Math.abs(y - points.ypoints[0]);
                yield w >= 2 && h >= 2 ? new OvalRoi(x0, y0, w, h) : reset();
            }
            default -> null;
        };
    }

    /** Closes a polygon (double click, Enter); null unless it has three vertices. */
    public Roi close() {
        if (tool != Tool.POLYGON || points.npoints < 3) {
            return null;
        }
        // A double click also pressed twice: drop vertices that repeat the one before.
        FloatPolygon clean = new FloatPolygon();
        for (int i = 0; i < points.npoints; i++) {
            int last = clean.npoints - 1;
            if (last < 0 || Math.hypot(points.xpoints[i] - clean.xpoints[last], points.ypoints[i] - clean.ypoints[last])
                    >= MIN_STEP) {
                clean.addPoint(points.xpoints[i], points.ypoints[i]);
            }
        }
        return clean.npoints >= 3 ? new PolygonRoi(clean, Roi.POLYGON) : null;
    }

    /** The outline to show while drawing: the points so far plus the cursor (the rubber band). */
    public FloatPolygon preview() {
        FloatPolygon p = copy();
        if (tool == Tool.ELLIPSE && points.npoints > 0) {
            return new OvalRoi(Math.min(points.xpoints[0], cursorX), Math.min(points.ypoints[0], cursorY),
                    Math.abs(cursorX - points.xpoints[0]), Math.abs(cursorY - points.ypoints[0])).getFloatPolygon();
        }
        if (tool == Tool.POLYGON && points.npoints > 0) {
            p.addPoint(cursorX, cursorY);
        }
        return p;
    }

    private FloatPolygon copy() {
        return new FloatPolygon(java.util.Arrays.copyOf(points.xpoints, points.npoints),
                java.util.Arrays.copyOf(points.ypoints, points.npoints), points.npoints);
    }

    private Roi reset() {
        points.npoints = 0;
        return null;
    }
}
