package fluffy.ui.editor;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import ij.gui.Roi;
import ij.process.FloatPolygon;

/**
 * The editor's image with its ROIs, zoomable (wheel, at the cursor) and pannable (right or middle drag).
 * The left button does what the tool says: pick and move a ROI, or draw one. ROIs are outlined in cyan,
 * the selected one in yellow, the one being drawn in magenta.
 */
public final class AnnotationCanvas {

    private final Canvas canvas;
    private final ViewTransform view = new ViewTransform();
    private Image image;
    private int imageWidth;
    private int imageHeight;
    private RoiDocument document = new RoiDocument();
    private RoiDrawing.Tool tool = RoiDrawing.Tool.FREEHAND;
    private RoiDrawing drawing;
    private boolean fitted;
    private boolean spaceDown;
    private int panX = -1;
    private int panY;
    private double moveFromX = Double.NaN;
    private double moveFromY;
    private FloatPolygon stroke;
    private double brushRadius = 4;
    private java.util.function.Consumer<String> hints = text -> { };
    private java.util.function.BiConsumer<Integer, Integer> clickToAdd = (x, y) -> { };

    public AnnotationCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> {
            if (!fitted) {
                fit();
            }
        });
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            view.zoomAt(e.count > 0 ? 1.25 : 0.8, e.x, e.y);
            fitted = true;
            canvas.redraw();
        });
        canvas.addListener(SWT.MouseDown, this::down);
        canvas.addListener(SWT.MouseMove, this::move);
        canvas.addListener(SWT.MouseUp, this::up);
        canvas.addListener(SWT.MouseDoubleClick, e -> finish(drawing == null ? null : drawing.close()));
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.KeyUp, e -> {
            if (e.keyCode == ' ') {
                spaceDown = false;
            }
        });
        canvas.addDisposeListener(e -> disposeImage());
    }

    public Canvas control() {
        return canvas;
    }

    public ViewTransform transform() {
        return view;
    }

    /** Shows a new image (the document is set separately); the view fits it. */
    public void setImage(ImageData data) {
        boolean sameSize = image != null && data.width == imageWidth && data.height == imageHeight;
        disposeImage();
        image = new Image(canvas.getDisplay(), data);
        imageWidth = data.width;
        imageHeight = data.height;
        if (!sameSize) {
            fit();
        }
        canvas.redraw();
    }

    /** The image shown, as pixels (null before any): what a test or a snapshot reads back. */
    public ImageData shownImage() {
        return image == null ? null : image.getImageData();
    }

    public void setDocument(RoiDocument doc) {
        document = doc;
        drawing = null;
        doc.addListener(canvas::redraw);
        canvas.redraw();
    }

    public void setTool(RoiDrawing.Tool newTool) {
        tool = newTool;
        drawing = null;
        stroke = null;
        hints.accept(newTool.hint());
        canvas.redraw();
    }

    /** The radius in image pixels of the brush and the eraser. */
    public void setBrushRadius(double radius) {
        brushRadius = Math.max(0.5, radius);
    }

    /** Who finds the object under a click of the click-to-add tool (image pixel coordinates). */
    public void onClickToAdd(java.util.function.BiConsumer<Integer, Integer> listener) {
        clickToAdd = listener;
    }

    /** Where the canvas says what a tool did or why it did nothing (the view's status line). */
    public void onHint(java.util.function.Consumer<String> listener) {
        hints = listener;
    }

    /** Fits the whole image into the canvas. */
    public void fit() {
        Rectangle area = canvas.getClientArea();
        if (image != null && area.width > 0 && area.height > 0) {
            view.fit(area.width, area.height, imageWidth, imageHeight);
            fitted = false;
        }
        canvas.redraw();
    }

    /** Mouse events in canvas pixels, as SWT delivers them; tests send these too. */
    void down(Event e) {
        canvas.setFocus();
        if (e.button != 1 || spaceDown) {
            panX = e.x;
            panY = e.y;
            return;
        }
        double x = view.toImageX(e.x);
        double y = view.toImageY(e.y);
        if (tool == RoiDrawing.Tool.MERGE) {
            merge(document.hit(x, y));
            return;
        }
        if (tool == RoiDrawing.Tool.ADD) {
            clickToAdd.accept((int) Math.floor(x), (int) Math.floor(y));
            return;
        }
        if (tool.edits()) {
            stroke = new FloatPolygon();
            stroke.addPoint(x, y);
            canvas.redraw();
            return;
        }
        if (tool == RoiDrawing.Tool.SELECT) {
            document.select(document.hit(x, y));
            if (document.selected() >= 0) {
                moveFromX = x;
                moveFromY = y;
            }
            return;
        }
        if (drawing == null) {
            drawing = new RoiDrawing(tool);
        }
        finish(drawing.press(x, y, 6 / view.zoom()));
    }

    void move(Event e) {
        if (panX >= 0) {
            view.pan(e.x - panX, e.y - panY);
            panX = e.x;
            panY = e.y;
            fitted = true;
            canvas.redraw();
        } else if (stroke != null) {
            stroke.addPoint(view.toImageX(e.x), view.toImageY(e.y));
            canvas.redraw();
        } else if (drawing != null) {
            drawing.move(view.toImageX(e.x), view.toImageY(e.y));
            canvas.redraw();
        }
    }

    void up(Event e) {
        if (e.button != 1 || panX >= 0) {
            panX = -1;
            return;
        }
        double x = view.toImageX(e.x);
        double y = view.toImageY(e.y);
        if (stroke != null) {
            stroke.addPoint(x, y);
            FloatPolygon done = stroke;
            stroke = null;
            applyStroke(done);
            canvas.redraw();
            return;
        }
        if (!Double.isNaN(moveFromX)) {
            double dx = x - moveFromX;
            double dy = y - moveFromY;
            moveFromX = Double.NaN;
            if (Math.hypot(dx, dy) >= 1 && document.selected() >= 0) {
                Roi moved = (Roi) document.rois().get(document.selected()).clone();
                moved.setLocation(moved.getXBase() + dx, moved.getYBase() + dy);
                document.replace(document.selected(), moved);
            }
            return;
        }
        if (drawing != null) {
            finish(drawing.release(x, y));
        }
    }

    /**
     * Fiji's keys where they mean the same: Enter or t finishes the shape being drawn (Fiji's "add to the
     * ROI Manager"), Delete removes the selected object, + and - zoom at the view's centre, Escape drops the
     * drawing, Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo; holding space makes a left drag pan.
     */
    private void key(Event e) {
        switch (e.keyCode) {
            case SWT.ESC -> drawing = null;
            case SWT.CR, SWT.KEYPAD_CR, 't' -> finish(drawing == null ? null : drawing.close());
            case SWT.DEL, SWT.BS -> document.deleteSelected();
            case '+', '=', SWT.KEYPAD_ADD -> zoomCentre(1.25);
            case '-', SWT.KEYPAD_SUBTRACT -> zoomCentre(0.8);
            case ' ' -> spaceDown = true;
            default -> {
                if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'z' || e.keyCode == 'y')) {
                    boolean redo = e.keyCode == 'y' || (e.stateMask & SWT.SHIFT) != 0;
                    if (redo) {
                        document.redo();
                    } else {
                        document.undo();
                    }
                }
            }
        }
        canvas.redraw();
    }

    private void zoomCentre(double factor) {
        Rectangle area = canvas.getClientArea();
        view.zoomAt(factor, area.width / 2.0, area.height / 2.0);
        fitted = true;
    }

    /** Brush, eraser or split along a finished stroke, as one undo step. */
    private void applyStroke(FloatPolygon done) {
        if (image == null) {
            return;
        }
        RoiEdits edits = new RoiEdits(imageWidth, imageHeight);
        int target = document.selected() >= 0 ? document.selected() : underStroke(done);
        Roi object = target >= 0 ? document.rois().get(target) : null;
        switch (tool) {
            case BRUSH -> {
                Roi painted = edits.brush(object, done, brushRadius);
                if (painted == null) {
                    return;
                }
                if (object == null) {
                    document.add(painted);
                    hints.accept("Painted a new object of " + edits.area(painted) + " pixels");
                } else {
                    document.replaceWith(target, List.of(painted));
                    hints.accept("Object " + (target + 1) + ": " + edits.area(object) + " -> " + edits.area(painted)
                            + " pixels");
                }
            }
            case ERASER -> {
                if (object == null) {
                    hints.accept("Nothing to erase: select an object, or rub over one");
                    return;
                }
                List<Roi> parts = edits.erase(object, done, brushRadius);
                document.replaceWith(target, parts);
                hints.accept(parts.isEmpty() ? "Object " + (target + 1) + " erased"
                        : "Object " + (target + 1) + ": " + edits.area(object) + " -> "
                                + parts.stream().mapToInt(edits::area).sum() + " pixels" + (parts.size() > 1
                                        ? " in " + parts.size() + " parts" : ""));
            }
            case SPLIT -> {
                List<Roi> parts = object == null ? List.of() : edits.split(object, done);
                if (parts.size() < 2) {
                    hints.accept(object == null ? "Draw the line across an object (or select it first)"
                            : "The line does not cut object " + (target + 1) + " in two: draw it right across");
                    return;
                }
                document.replaceWith(target, parts);
                hints.accept("Object " + (target + 1) + " split in " + parts.size());
            }
            default -> throw new IllegalStateException(tool + " is no stroke");
        }
    }

    /** The object the stroke crosses most (by its points), or -1. */
    private int underStroke(FloatPolygon done) {
        int[] votes = new int[document.rois().size()];
        int best = -1;
        for (int k = 0; k < done.npoints; k++) {
            int hit = document.hit(done.xpoints[k], done.ypoints[k]);
            if (hit >= 0 && ++votes[hit] > (best < 0 ? 0 : votes[best])) {
                best = hit;
            }
        }
        return best;
    }

    /** Merge tool: the click picks the first object, a click on another joins them. */
    private void merge(int hit) {
        int first = document.selected();
        if (hit < 0) {
            hints.accept("Click an object to merge");
            return;
        }
        if (first < 0 || first == hit) {
            document.select(hit);
            hints.accept("Object " + (hit + 1) + " selected: click the object to join it with");
            return;
        }
        RoiEdits edits = new RoiEdits(imageWidth, imageHeight);
        document.merge(first, hit, edits.merge(document.rois().get(first), document.rois().get(hit)));
        hints.accept("Objects " + (first + 1) + " and " + (hit + 1) + " merged");
    }

    private void finish(Roi roi) {
        if (roi != null) {
            drawing = null;
            document.add(roi);
        }
        canvas.redraw();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.fillRectangle(area);
        if (image == null) {
            return;
        }
        int x = (int) Math.round(view.toScreenX(0));
        int y = (int) Math.round(view.toScreenY(0));
        int w = (int) Math.round(imageWidth * view.zoom());
        int h = (int) Math.round(imageHeight * view.zoom());
        gc.setInterpolation(view.zoom() > 1 ? SWT.NONE : SWT.HIGH);
        gc.drawImage(image, 0, 0, imageWidth, imageHeight, x, y, Math.max(1, w), Math.max(1, h));
        gc.setAntialias(SWT.ON);
        List<Roi> rois = document.rois();
        for (int i = 0; i < rois.size(); i++) {
            boolean selected = i == document.selected();
            outline(gc, rois.get(i).getFloatPolygon(), selected ? SWT.COLOR_YELLOW : SWT.COLOR_CYAN, selected ? 2 : 1,
                    true);
        }
        if (drawing != null && drawing.started()) {
            outline(gc, drawing.preview(), SWT.COLOR_MAGENTA, 1, drawing.tool() != RoiDrawing.Tool.POLYGON);
        }
        if (stroke != null && stroke.npoints > 0) {
            // A brush or eraser stroke shows as wide as it paints; a split line thin.
            int wide = tool == RoiDrawing.Tool.SPLIT ? 1 : Math.max(1, (int) Math.round(2 * brushRadius * view.zoom()));
            gc.setLineCap(SWT.CAP_ROUND);
            outline(gc, stroke, tool == RoiDrawing.Tool.ERASER ? SWT.COLOR_RED : SWT.COLOR_MAGENTA, wide, false);
            gc.setLineCap(SWT.CAP_FLAT);
        }
    }

    private void outline(GC gc, FloatPolygon p, int colour, int width, boolean closed) {
        int[] xy = new int[p.npoints * 2];
        for (int i = 0; i < p.npoints; i++) {
            xy[2 * i] = (int) Math.round(view.toScreenX(p.xpoints[i]));
            xy[2 * i + 1] = (int) Math.round(view.toScreenY(p.ypoints[i]));
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(colour));
        gc.setLineWidth(width);
        if (closed) {
            gc.drawPolygon(xy);
        } else {
            gc.drawPolyline(xy);
        }
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
