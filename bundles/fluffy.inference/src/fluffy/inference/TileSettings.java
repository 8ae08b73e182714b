package fluffy.inference;

/**
 * How an image is cut for the network.
 *
 * @param tile      tile side in pixels (rounded up to the network's size multiple); 0 predicts the whole
 *                  image in one pass, which needs memory in proportion to the image
 * @param overlap   context in pixels on each side of a tile that is predicted but not kept; it should cover
 *                  the network's receptive radius (about 60 px for the default 4-level U-Net) so that tiles
 *                  stitch without seams
 * @param batch     tiles per network run
 * @param wholeUpTo images of at most this many pixels (padded to the network's multiple) are predicted in
 *                  one pass instead of tiles; 0: always tiles of {@code tile}
 */
public record TileSettings(int tile, int overlap, int batch, long wholeUpTo) {

    /**
     * Two 512² tiles' worth. Smaller images go through the network whole: tiling a 696 x 520 image into four
     * 512² tiles made the network see 2.9 times its pixels, twice the time, for the same label map (the
     * overlap covers the receptive field). Memory stays near a tile's (a whole image of this size peaks at
     * about twice a tile's network memory).
     */
    public static final long WHOLE_UP_TO = 2L * 512 * 512;

    public static final TileSettings DEFAULT = new TileSettings(512, 64, 2, WHOLE_UP_TO);

    public TileSettings {
        if (tile < 0 || overlap < 0 || batch < 1 || wholeUpTo < 0) {
            throw new IllegalArgumentException("invalid tiling: tile " + tile + ", overlap " + overlap + ", batch " + batch
                    + ", whole images up to " + wholeUpTo + " px");
        }
    }

    /** Tiles of exactly {@code tile} (when the image is larger), as a user who chose the tile size asked. */
    public TileSettings(int tile, int overlap, int batch) {
        this(tile, overlap, batch, 0);
    }

    /**
     * The default tile and overlap with the batch that suits the device: one tile at a time on the CPU,
     * where a batch is no faster but multiplies the network's memory, four on a GPU; small images whole.
     */
    public static TileSettings defaultFor(fluffy.runtime.Device device) {
        return new TileSettings(DEFAULT.tile(), DEFAULT.overlap(), device instanceof fluffy.runtime.Device.Cpu ? 1 : 4,
                WHOLE_UP_TO);
    }

    public static TileSettings wholeImage() {
        return new TileSettings(0, 0, 1);
    }

    public TileSettings withTile(int newTile) {
        return new TileSettings(newTile, overlap, batch, wholeUpTo);
    }
}
