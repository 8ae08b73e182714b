package fluffy.inference.internal;

import java.util.ArrayList;
import java.util.List;

import fluffy.inference.TileSettings;

/**
 * Where the tiles of an image lie. Every tile has the same size (so tiles can be batched) and its origin
 * on a multiple of the network's size multiple, so pooling sees the same pixel grid as it would on the
 * whole image; only the centre of each tile is kept, the overlap around it gives the network context.
 * Tiles reach outside the image at its edges; those pixels are mirrored in.
 */
public record Tiling(int tileWidth, int tileHeight, List<Tile> tiles) {

    /**
     * A tile: its top-left corner in image coordinates (may be negative) and the part of the image it
     * keeps, {@code [keepX0, keepX1) x [keepY0, keepY1)}.
     */
    public record Tile(int x0, int y0, int keepX0, int keepY0, int keepX1, int keepY1) {
    }

    public static Tiling of(int width, int height, TileSettings settings, int multiple) {
        if (settings.tile() == 0) {
            int tw = roundUp(width, multiple);
            int th = roundUp(height, multiple);
            return new Tiling(tw, th, List.of(new Tile(0, 0, 0, 0, width, height)));
        }
        int halo = roundUp(settings.overlap(), multiple);
        int tile = roundUp(settings.tile(), multiple);
        int tw = Math.min(tile, roundUp(width + 2 * halo, multiple));
        int th = Math.min(tile, roundUp(height + 2 * halo, multiple));
        int coreW = tw - 2 * halo;
        int coreH = th - 2 * halo;
        if (coreW <= 0 || coreH <= 0) {
            throw new IllegalArgumentException("a tile of " + tile + " px leaves nothing inside an overlap of " + halo
                    + " px on each side; use a larger tile or a smaller overlap");
        }
        List<Tile> tiles = new ArrayList<>();
        for (int ky = 0; ky * coreH < height; ky++) {
            for (int kx = 0; kx * coreW < width; kx++) {
                tiles.add(new Tile(kx * coreW - halo, ky * coreH - halo, kx * coreW, ky * coreH,
                        Math.min(width, (kx + 1) * coreW), Math.min(height, (ky + 1) * coreH)));
            }
        }
        return new Tiling(tw, th, tiles);
    }

    static int roundUp(int value, int multiple) {
        return Math.max(multiple, (value + multiple - 1) / multiple * multiple);
    }

    /** Index {@code i} reflected into {@code [0, n)} without repeating the edge pixel (numpy's "reflect"). */
    public static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
