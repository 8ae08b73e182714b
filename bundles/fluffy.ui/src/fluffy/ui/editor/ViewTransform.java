package fluffy.ui.editor;

/**
 * Where the image is on the canvas: {@code screen = image * zoom + offset}. Zooming keeps the image point
 * under the cursor in place, as image viewers do; the zoom stays between {@value #MIN} and {@value #MAX}.
 */
public final class ViewTransform {

    static final double MIN = 0.02;
    static final double MAX = 64;

    private double zoom = 1;
    private double offsetX;
    private double offsetY;

    public double zoom() {
        return zoom;
    }

    /** Fits the whole image in the area, centred, never enlarged beyond 8x (pixels are data, not texture). */
    public void fit(int areaWidth, int areaHeight, int imageWidth, int imageHeight) {
        zoom = clamp(Math.min(8, Math.min(areaWidth / (double) imageWidth, areaHeight / (double) imageHeight)));
        offsetX = (areaWidth - imageWidth * zoom) / 2;
        offsetY = (areaHeight - imageHeight * zoom) / 2;
    }

    public double toImageX(double screenX) {
        return (screenX - offsetX) / zoom;
    }

    public double toImageY(double screenY) {
        return (screenY - offsetY) / zoom;
    }

    public double toScreenX(double imageX) {
        return imageX * zoom + offsetX;
    }

    public double toScreenY(double imageY) {
        return imageY * zoom + offsetY;
    }

    /** Multiplies the zoom by {@code factor}, keeping the image point under (sx, sy) where it is. */
    public void zoomAt(double factor, double sx, double sy) {
        double ix = toImageX(sx);
        double iy = toImageY(sy);
        zoom = clamp(zoom * factor);
        offsetX = sx - ix * zoom;
        offsetY = sy - iy * zoom;
    }

    public void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    private static double clamp(double z) {
        return Math.max(MIN, Math.min(MAX, z));
    }
}
