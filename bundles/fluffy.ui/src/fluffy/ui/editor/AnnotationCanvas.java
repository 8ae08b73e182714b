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
    private int panX = -1;
    private int panY;
    private double moveFromX = Double.NaN;
    private double moveFromY;

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
        canvas.redraw();
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
        if (e.button != 1) {
            panX = e.x;
            panY = e.y;
            return;
        }
        double x = view.toImageX(e.x);
        double y = view.toImageY(e.y);
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
        } else if (drawing != null) {
            drawing.move(view.toImageX(e.x), view.toImageY(e.y));
            canvas.redraw();
        }
    }

    void up(Event e) {
        if (e.button != 1) {
            panX = -1;
            return;
        }
        double x = view.toImageX(e.x);
        double y = view.toImageY(e.y);
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

    private void key(Event e) {
        switch (e.keyCode) {
            case SWT.ESC -> drawing = null;
            case SWT.CR, SWT.KEYPAD_CR -> finish(drawing == null ? null : drawing.close());
            case SWT.DEL, SWT.BS -> document.deleteSelected();
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
