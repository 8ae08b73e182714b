package fluffy.inference;

/**
 * How an image is cut for the network.
 *
 * @param tile    tile side in pixels (rounded up to the network's size multiple); 0 predicts the whole
 *                image in one pass, which needs memory in proportion to the image
 * @param overlap context in pixels on each side of a tile that is predicted but not kept; it should cover
 *                the network's receptive radius (about 60 px for the default 4-level U-Net) so that tiles
 *                stitch without seams
 * @param batch   tiles per network run
 */
public record TileSettings(int tile, int overlap, int batch) {

    public static final TileSettings DEFAULT = new TileSettings(512, 64, 2);

    public TileSettings {
        if (tile < 0 || overlap < 0 || batch < 1) {
            throw new IllegalArgumentException("invalid tiling: tile " + tile + ", overlap " + overlap + ", batch " + batch);
        }
    }

    public static TileSettings wholeImage() {
        return new TileSettings(0, 0, 1);
    }

    public TileSettings withTile(int newTile) {
        return new TileSettings(newTile, overlap, batch);
    }
}
