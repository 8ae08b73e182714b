package fluffy.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fluffy.inference.TileSettings;

class TilingTest {

    @Test
    void tilesKeepEveryPixelOnceLieInsideThePaddedImageAndStartOnTheGrid() {
        int[][] cases = {{2048, 2048, 256, 32, 8}, {1272, 603, 512, 64, 8}, {100, 37, 64, 8, 4}, {5, 3, 512, 64, 8},
                {700, 700, 0, 0, 16}, {513, 257, 256, 60, 8}};
        for (int[] c : cases) {
            int w = c[0];
            int h = c[1];
            int m = c[4];
            Tiling tiling = Tiling.of(w, h, new TileSettings(c[2], c[3], 1), m);
            int[] kept = new int[w * h];
            int paddedW = Tiling.roundUp(w, m);
            int paddedH = Tiling.roundUp(h, m);
            for (Tiling.Tile t : tiling.tiles()) {
                assertEquals(0, t.x0() % m);
                assertEquals(0, t.y0() % m);
                assertTrue(t.x0() >= 0 && t.x0() + tiling.tileWidth() <= paddedW, t.toString());
                assertTrue(t.y0() >= 0 && t.y0() + tiling.tileHeight() <= paddedH, t.toString());
                assertTrue(t.keepX0() >= t.x0() && t.keepX1() <= t.x0() + tiling.tileWidth(), t.toString());
                // Context of at least the overlap, except where the tile ends with the (padded) image itself.
                int halo = Tiling.roundUp(c[3], m);
                assertTrue(t.x0() == 0 || t.keepX0() - t.x0() >= halo, t.toString());
                assertTrue(t.x0() + tiling.tileWidth() == paddedW || t.x0() + tiling.tileWidth() - t.keepX1() >= halo,
                        t.toString());
                assertTrue(t.y0() == 0 || t.keepY0() - t.y0() >= halo, t.toString());
                assertTrue(t.y0() + tiling.tileHeight() == paddedH
                        || t.y0() + tiling.tileHeight() - t.keepY1() >= halo, t.toString());
                for (int y = t.keepY0(); y < t.keepY1(); y++) {
                    for (int x = t.keepX0(); x < t.keepX1(); x++) {
                        kept[y * w + x]++;
                    }
                }
            }
            for (int k : kept) {
                assertEquals(1, k, "every pixel kept exactly once for " + java.util.Arrays.toString(c));
            }
        }
    }

    @Test
    void theDefaultsTakeASmallImageWholeAndTileALargeOne() {
        // 696 x 520 pads to 704 x 528, under two 512² tiles: one pass, where tiles of 512 would be four.
        Tiling small = Tiling.of(696, 520, TileSettings.DEFAULT, 16);
        assertEquals(1, small.tiles().size());
        assertEquals(704, small.tileWidth());
        assertEquals(528, small.tileHeight());
        assertEquals(4, Tiling.of(696, 520, new TileSettings(512, 64, 1), 16).tiles().size(), "a chosen tile is kept");
        // 1388 x 1040 is larger than two tiles: tiles of 512.
        Tiling large = Tiling.of(1388, 1040, TileSettings.DEFAULT, 16);
        assertEquals(512, large.tileWidth());
        assertEquals(12, large.tiles().size());
        // A network of one fixed size cannot take the image whole, however small the limit says it is.
        Tiling fixed = Tiling.of(300, 300, TileSettings.DEFAULT, new fluffy.inference.TileRule(256, 0, 0, false));
        assertEquals(256, fixed.tileWidth());
        assertTrue(fixed.tiles().size() > 1);
    }

    @Test
    void anOverlapThatLeavesNoCentreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tiling.of(1000, 1000, new TileSettings(64, 32, 1), 8));
    }
}
