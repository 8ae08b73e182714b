package fluffy.ui.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Shows one image scaled to fit, centred, keeping its aspect ratio; or a message when there is none.
 * Optionally a second image of the same size is shown left of a split line that the user drags (a
 * before/after comparison, as the original Fluffy's web page had). Owns the SWT images it draws and
 * disposes them with the widget.
 */
public final class ImageCanvas {

    private final Canvas canvas;
    private Image image;
    private Image before;
    private double split;
    private boolean dragging;
    private Runnable splitMoved = () -> { };
    private String message = "";

    public ImageCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addDisposeListener(e -> disposeImage());
        canvas.addListener(SWT.MouseDown, e -> dragging = before != null && e.button == 1 && moveSplit(e.x));
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragging) {
                moveSplit(e.x);
            }
        });
        canvas.addListener(SWT.MouseUp, e -> dragging = false);
    }

    public Canvas control() {
        return canvas;
    }

    /** Shows {@code data}; the previous image is disposed. */
    public void setImage(ImageData data) {
        setImages(null, data);
    }

    /**
     * Shows {@code after}, with {@code before} (same size, or null for none) left of the split line.
     */
    public void setImages(ImageData beforeData, ImageData after) {
        if (beforeData != null && (beforeData.width != after.width || beforeData.height != after.height)) {
            throw new IllegalArgumentException("before and after differ in size: " + beforeData.width + "x"
                    + beforeData.height + " and " + after.width + "x" + after.height);
        }
        disposeImage();
        image = new Image(canvas.getDisplay(), after);
        before = beforeData == null ? null : new Image(canvas.getDisplay(), beforeData);
        message = "";
        canvas.redraw();
    }

    /** Replaces only the image right of the split (a new overlay style), keeping the one before. */
    public void setAfter(ImageData after) {
        if (image != null) {
            image.dispose();
        }
        image = new Image(canvas.getDisplay(), after);
        canvas.redraw();
    }

    /** The fraction of the image's width, from the left, that shows the image before. */
    public double split() {
        return split;
    }

    public void setSplit(double fraction) {
        split = Math.max(0, Math.min(1, fraction));
        canvas.redraw();
    }

    /** Called when the user drags the split line. */
    public void onSplitMoved(Runnable listener) {
        splitMoved = listener;
    }

    /** Removes the image and shows {@code text} instead. */
    public void showMessage(String text) {
        disposeImage();
        message = text;
        canvas.redraw();
    }

    public boolean hasImage() {
        return image != null;
    }

    /** Where the image is drawn in canvas coordinates: fitted, centred, never scaled above 8x. */
    public Rectangle imageBounds() {
        if (image == null) {
            return new Rectangle(0, 0, 0, 0);
        }
        Rectangle area = canvas.getClientArea();
        Rectangle size = image.getBounds();
        double scale = Math.min(8, Math.min(area.width / (double) size.width, area.height / (double) size.height));
        int w = Math.max(1, (int) Math.round(size.width * scale));
        int h = Math.max(1, (int) Math.round(size.height * scale));
        return new Rectangle(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.fillRectangle(area);
        if (image != null) {
            Rectangle src = image.getBounds();
            Rectangle dst = imageBounds();
            // Nearest-neighbour when enlarging: pixels of a microscopy image are data, not texture.
            gc.setInterpolation(dst.width > src.width ? SWT.NONE : SWT.HIGH);
            gc.drawImage(image, 0, 0, src.width, src.height, dst.x, dst.y, dst.width, dst.height);
            if (before != null && split > 0) {
                int cut = (int) Math.round(dst.width * split);
                gc.setClipping(dst.x, dst.y, cut, dst.height);
                gc.drawImage(before, 0, 0, src.width, src.height, dst.x, dst.y, dst.width, dst.height);
                gc.setClipping((Rectangle) null);
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
                gc.setLineWidth(2);
                gc.drawLine(dst.x + cut, dst.y, dst.x + cut, dst.y + dst.height);
            }
        } else if (!message.isEmpty()) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            Point extent = gc.textExtent(message, SWT.DRAW_DELIMITER);
            gc.drawText(message, area.x + Math.max(4, (area.width - extent.x) / 2),
                    area.y + Math.max(4, (area.height - extent.y) / 2), SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
        }
    }

    private boolean moveSplit(int x) {
        Rectangle dst = imageBounds();
        if (dst.width == 0) {
            return false;
        }
        setSplit((x - dst.x) / (double) dst.width);
        splitMoved.run();
        return true;
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
        if (before != null) {
            before.dispose();
            before = null;
        }
    }
}
