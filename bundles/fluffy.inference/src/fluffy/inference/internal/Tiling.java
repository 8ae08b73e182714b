package fluffy.inference.internal;

import java.util.ArrayList;
import java.util.List;

import fluffy.inference.TileRule;
import fluffy.inference.TileSettings;

/**
 * Where the tiles of an image lie. The image is padded at the right and bottom to the network's size
 * multiple, as a whole-image pass pads it; every tile has the same size (so tiles can be batched), lies
 * inside the padded image and starts on a multiple of the size multiple, so pooling sees the pixel grid
 * of the whole image. Each tile keeps only its centre; the overlap around it gives the network context.
 * Tiles at the edges are shifted inwards rather than padded, so pixels near the image edge see exactly
 * what a whole-image pass shows them, and with an overlap covering the receptive field tiled prediction
 * equals whole-image prediction everywhere.
 */
public record Tiling(int tileWidth, int tileHeight, List<Tile> tiles) {

    /**
     * A tile: its top-left corner and the part of the image it keeps, {@code [keepX0, keepX1) x [keepY0,
     * keepY1)}, in image coordinates.
     */
    public record Tile(int x0, int y0, int keepX0, int keepY0, int keepX1, int keepY1) {
    }

    /** One axis: tile origins and kept ranges. */
    private record Span(int origin, int keep0, int keep1) {
    }

    public static Tiling of(int width, int height, TileSettings settings, int multiple) {
        return of(width, height, settings, TileRule.multiplesOf(multiple));
    }

    /**
     * Tiles the network accepts: sides of the rule's sizes, an overlap of at least its halo, and one tile of the
     * whole (padded) image when the rule asks for it or the settings' tile is 0.
     */
    public static Tiling of(int width, int height, TileSettings settings, TileRule rule) {
        int paddedW = rule.padded(width);
        int paddedH = rule.padded(height);
        int align = rule.alignment();
        int halo = roundUp(Math.max(settings.overlap(), rule.halo()), align);
        // A network of any size (step > 0) takes a small image whole when the settings allow it (see
        // TileSettings.WHOLE_UP_TO): the same result as tiles, without predicting their overlaps.
        boolean small = rule.step() > 0 && (long) paddedW * paddedH <= settings.wholeUpTo();
        boolean whole = settings.tile() == 0 || rule.wholeImage() || small;
        if (whole && rule.step() == 0 && (paddedW > rule.min() || paddedH > rule.min())) {
            throw new IllegalArgumentException("the network takes " + rule.min() + " x " + rule.min() + " px only, so a "
                    + width + " x " + height + " image cannot be predicted in one pass");
        }
        int tw = whole ? paddedW : Math.min(rule.fit(settings.tile()), paddedW);
        int th = whole ? paddedH : Math.min(rule.fit(settings.tile()), paddedH);
        List<Span> xs = spans(width, paddedW, tw, halo, align);
        List<Span> ys = spans(height, paddedH, th, halo, align);
        List<Tile> tiles = new ArrayList<>();
        for (Span y : ys) {
            for (Span x : xs) {
                tiles.add(new Tile(x.origin(), y.origin(), x.keep0(), y.keep0(), x.keep1(), y.keep1()));
            }
        }
        return new Tiling(tw, th, tiles);
    }

    private static List<Span> spans(int size, int padded, int tile, int halo, int align) {
        if (tile >= padded) {
            return List.of(new Span(0, 0, size));
        }
        int core = (tile - 2 * halo) / align * align;
        if (core <= 0) {
            throw new IllegalArgumentException("a tile of " + tile + " px leaves nothing inside an overlap of " + halo
                    + " px on each side; use a larger tile or a smaller overlap");
        }
        List<Span> spans = new ArrayList<>();
        for (int k = 0; k * core < size; k++) {
            int origin = Math.max(0, Math.min(k * core - halo, padded - tile));
            spans.add(new Span(origin, k * core, Math.min(size, (k + 1) * core)));
        }
        return spans;
    }

    static int roundUp(int value, int multiple) {
        return Math.max(multiple, (value + multiple - 1) / multiple * multiple);
    }
}
