package fluffy.ui.results;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

import fluffy.core.labels.LabelMap;

/**
 * Draws a label map over its image: each object's outline or area in a colour of its own, or, when
 * compared with ground truth, true positives green, false positives red and missed true objects (false
 * negatives, drawn from the truth) blue. Pure pixel work on {@link ImageData}, no display needed.
 */
public final class OverlayRenderer {

    public enum Mode { OUTLINES, FILLED }

    /** @param opacity 0 (only the image) to 1 (only the colours) */
    public record Style(Mode mode, double opacity, boolean compare) {
        public Style {
            if (!(opacity >= 0 && opacity <= 1)) {
                throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
            }
        }
    }

    public static final int TRUE_POSITIVE = 0x00C800;
    public static final int FALSE_POSITIVE = 0xF03228;
    public static final int FALSE_NEGATIVE = 0x2878FF;

    private static final PaletteData RGB24 = new PaletteData(0xFF0000, 0x00FF00, 0x0000FF);

    private OverlayRenderer() {
    }

    /** The colour of the object under review. */
    public static final int HIGHLIGHT = 0xFFFF00;

    /**
     * Marks one object for review: its edge pixels, and the pixels just outside them, in {@link #HIGHLIGHT},
     * fully opaque over whatever the style drew.
     */
    public static void highlight(ImageData data, LabelMap labels, int label) {
        int w = labels.width();
        int h = labels.height();
        int pixel = data.palette.getPixel(new RGB(HIGHLIGHT >> 16 & 0xFF, HIGHLIGHT >> 8 & 0xFF, HIGHLIGHT & 0xFF));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = labels.get(x, y) == label;
                boolean edge = false;
                for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    int nx = x + d[0];
                    int ny = y + d[1];
                    boolean other = nx < 0 || ny < 0 || nx >= w || ny >= h || labels.get(nx, ny) != label;
                    edge |= in ? other : !other;
                }
                if (edge) {
                    data.setPixel(x, y, pixel);
                }
            }
        }
    }

    /** The image's pixels as 0xRRGGBB, whatever its depth; computed once per image and reused per style. */
    public static int[] rgb(ImageData image) {
        int[] out = new int[image.width * image.height];
        int[] row = new int[image.width];
        for (int y = 0; y < image.height; y++) {
            image.getPixels(0, y, image.width, row, 0);
            for (int x = 0; x < image.width; x++) {
                RGB c = image.palette.getRGB(row[x]);
                out[y * image.width + x] = c.red << 16 | c.green << 8 | c.blue;
            }
        }
        return out;
    }

    /**
     * @param base       {@link #rgb} of the image, or null for a black background
     * @param truth      the ground truth, or null
     * @param comparison of truth and prediction, needed when {@code style.compare()}
     */
    public static ImageData render(int[] base, LabelMap predicted, LabelMap truth, Comparison comparison, Style style) {
        int w = predicted.width();
        int h = predicted.height();
        int[] out = base == null ? new int[w * h] : base.clone();
        boolean compare = style.compare() && comparison != null && truth != null;
        if (compare) {
            paint(out, truth, style, l -> comparison.found(l) ? -1 : FALSE_NEGATIVE);
        }
        int[] colours = compare ? null : colours(predicted.maxLabel());
        paint(out, predicted, style, l -> compare ? (comparison.truePositive(l) ? TRUE_POSITIVE : FALSE_POSITIVE)
                : colours[l]);
        ImageData data = new ImageData(w, h, 24, RGB24);
        for (int y = 0; y < h; y++) {
            data.setPixels(0, y, w, out, y * w);
        }
        return data;
    }

    /** Blends the colour of each labelled pixel (only edge pixels for outlines); a colour of -1 skips the object. */
    private static void paint(int[] out, LabelMap map, Style style, java.util.function.IntUnaryOperator colourOf) {
        int w = map.width();
        int h = map.height();
        int[] labels = map.labels();
        // Outlines are thin, so they are drawn at least half opaque or they would vanish at low opacity.
        double alpha = style.mode() == Mode.OUTLINES ? Math.max(0.5, style.opacity()) : style.opacity();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int l = labels[i];
                if (l == 0 || (style.mode() == Mode.OUTLINES && !edge(labels, w, h, x, y, l))) {
                    continue;
                }
                int colour = colourOf.applyAsInt(l);
                if (colour >= 0) {
                    out[i] = blend(out[i], colour, alpha);
                }
            }
        }
    }

    /** Whether a pixel of object {@code l} touches another label or the image border (4-neighbourhood). */
    static boolean edge(int[] labels, int w, int h, int x, int y, int l) {
        return x == 0 || y == 0 || x == w - 1 || y == h - 1 || labels[y * w + x - 1] != l
                || labels[y * w + x + 1] != l || labels[(y - 1) * w + x] != l || labels[(y + 1) * w + x] != l;
    }

    static int blend(int under, int over, double alpha) {
        int r = mix(under >> 16 & 0xFF, over >> 16 & 0xFF, alpha);
        int g = mix(under >> 8 & 0xFF, over >> 8 & 0xFF, alpha);
        int b = mix(under & 0xFF, over & 0xFF, alpha);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int a, int b, double alpha) {
        return (int) Math.round(a * (1 - alpha) + b * alpha);
    }

    /** A bright colour per label, neighbouring labels far apart in hue (golden-ratio steps). */
    static int[] colours(int maxLabel) {
        int[] colours = new int[maxLabel + 1];
        for (int l = 1; l <= maxLabel; l++) {
            RGB c = new RGB((float) (l * 0.618033988749895 % 1.0 * 360), 0.8f, 1f);
            colours[l] = c.red << 16 | c.green << 8 | c.blue;
        }
        return colours;
    }
}
