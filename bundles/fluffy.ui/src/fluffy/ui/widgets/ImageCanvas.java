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
 * Owns the SWT image it draws and disposes it with the widget.
 */
public final class ImageCanvas {

    private final Canvas canvas;
    private Image image;
    private String message = "";

    public ImageCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addDisposeListener(e -> disposeImage());
    }

    public Canvas control() {
        return canvas;
    }

    /** Shows {@code data}; the previous image is disposed. */
    public void setImage(ImageData data) {
        disposeImage();
        image = new Image(canvas.getDisplay(), data);
        message = "";
        canvas.redraw();
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
        } else if (!message.isEmpty()) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            Point extent = gc.textExtent(message, SWT.DRAW_DELIMITER);
            gc.drawText(message, area.x + Math.max(4, (area.width - extent.x) / 2),
                    area.y + Math.max(4, (area.height - extent.y) / 2), SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
        }
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
