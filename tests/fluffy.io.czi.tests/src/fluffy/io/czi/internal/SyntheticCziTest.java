package fluffy.io.czi.internal;

import static fluffy.io.czi.internal.SyntheticCzi.BGR24;
import static fluffy.io.czi.internal.SyntheticCzi.BGR48;
import static fluffy.io.czi.internal.SyntheticCzi.GRAY16;
import static fluffy.io.czi.internal.SyntheticCzi.GRAY32_FLOAT;
import static fluffy.io.czi.internal.SyntheticCzi.GRAY8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Plane;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;
import fluffy.io.UnsupportedImageException;

/** Features the real files do not cover, on small CZI files written by {@link SyntheticCzi}. */
class SyntheticCziTest {

    @TempDir
    Path dir;

    private ImageSource open(SyntheticCzi czi) throws IOException {
        return new CziReader().open(czi.write(dir, "synthetic.czi"));
    }

    private static float[] floats(int... values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void uncompressedGray16WithChannelNames() throws IOException {
        int[] c0 = Pixels.ramp(4, 3, 1000, 7);
        int[] c1 = Pixels.ramp(4, 3, 1, 60000);
        SyntheticCzi czi = new SyntheticCzi().metadata(SyntheticCzi.channelXml("DAPI", "GFP"));
        czi.tile(GRAY16, 4, 3, Pixels.gray16(c0)).index("C", 0);
        czi.tile(GRAY16, 4, 3, Pixels.gray16(c1)).index("C", 1);
        try (ImageSource source = open(czi)) {
            assertEquals(new ImageInfo(4, 3, 2, 1, 1, PixelType.UINT16, false, List.of("DAPI", "GFP")), source.info(0));
            assertArrayEquals(floats(c0), source.readPlane(0, 0, 0, 0).data());
            assertArrayEquals(floats(c1), source.readPlane(0, 1, 0, 0).data());
        }
    }

    @Test
    void zstdWithoutHeaderMode5() throws IOException {
        int[] values = Pixels.ramp(32, 16, 97, 3);
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY16, 32, 16, null).compression(Decoders.ZSTD0, Pixels.zstd(Pixels.gray16(values)));
        try (ImageSource source = open(czi)) {
            assertArrayEquals(floats(values), source.readPlane(0, 0, 0, 0).data());
        }
    }

    @Test
    void zstdWithHeaderMode6WithAndWithoutHiLoPacking() throws IOException {
        int[] a = Pixels.ramp(32, 16, 127, 5);
        int[] b = Pixels.ramp(32, 16, 3, 40000);
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY16, 32, 16, null).index("T", 0).compression(Decoders.ZSTD1, Pixels.zstd1(Pixels.gray16(a), true));
        czi.tile(GRAY16, 32, 16, null).index("T", 1).compression(Decoders.ZSTD1, Pixels.zstd1(Pixels.gray16(b), false));
        try (ImageSource source = open(czi)) {
            assertEquals(2, source.info(0).sizeT());
            assertArrayEquals(floats(a), source.readPlane(0, 0, 0, 0).data());
            assertArrayEquals(floats(b), source.readPlane(0, 0, 0, 1).data());
        }
    }

    @Test
    void jpegGray8Mode1() throws IOException {
        BufferedImage image = new BufferedImage(40, 24, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                image.getRaster().setSample(x, y, 0, 40 + 4 * x + y);
            }
        }
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY8, 40, 24, null).compression(Decoders.JPEG, Pixels.jpeg(image));
        try (ImageSource source = open(czi)) {
            Plane plane = source.readPlane(0, 0, 0, 0);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 40; x++) {
                    assertEquals(40 + 4 * x + y, plane.get(x, y), 3f, "x=" + x + " y=" + y);
                }
            }
        }
    }

    @Test
    void jpegColourMode1GivesRedGreenBlue() throws IOException {
        BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, 200 << 16 | 100 << 8 | 30);
            }
        }
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(BGR24, 32, 16, null).compression(Decoders.JPEG, Pixels.jpeg(image));
        try (ImageSource source = open(czi)) {
            assertEquals(3, source.info(0).sizeC());
            float[] expected = {200, 100, 30};
            for (int c = 0; c < 3; c++) {
                float[] range = source.readPlane(0, c, 0, 0).range();
                assertEquals(expected[c], range[0], 4f, "channel " + c);
                assertEquals(expected[c], range[1], 4f, "channel " + c);
            }
        }
    }

    @Test
    void jpegXrIsUnsupportedWithAHint() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY16, 8, 8, null).compression(Decoders.JPEG_XR, new byte[64]);
        Path file = czi.write(dir, "jxr.czi");
        UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> new CziReader().open(file));
        assertTrue(e.getMessage().startsWith("jxr.czi: JPEG-XR compressed CZI is not supported; install Bio-Formats"
                + " (fluffy prepare --bioformats "), e.getMessage());
    }

    @Test
    void otherCompressionsAreUnsupported() throws IOException {
        for (int code : new int[] {Decoders.LZW, 3, 104}) {
            SyntheticCzi czi = new SyntheticCzi();
            czi.tile(GRAY8, 2, 2, new byte[4]).compression(code, new byte[4]);
            Path file = czi.write(dir, "c" + code + ".czi");
            UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> new CziReader().open(file));
            assertTrue(e.getMessage().contains("not supported"), e.getMessage());
        }
    }

    @Test
    void scenesAreSeriesWithTheirOwnBoundingBoxes() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY8, 3, 2, Pixels.gray8(1, 2, 3, 4, 5, 6)).at(100_000, 50_000).index("S", 0);
        czi.tile(GRAY8, 2, 2, Pixels.gray8(7, 8, 9, 10)).at(-5000, -20).index("S", 1);
        try (ImageSource source = open(czi)) {
            assertEquals(2, source.seriesCount());
            assertEquals("3 x 2, C1 Z1 T1, uint8", source.info(0).describe());
            assertEquals("2 x 2, C1 Z1 T1, uint8", source.info(1).describe());
            assertArrayEquals(floats(1, 2, 3, 4, 5, 6), source.readPlane(0, 0, 0, 0).data());
            assertArrayEquals(floats(7, 8, 9, 10), source.readPlane(1, 0, 0, 0).data());
            assertEquals(1, ((CziSource) source).sceneIndex(1));
        }
    }

    @Test
    void mosaicTilesAreCompositedInOrderOfMWithGapsBlack() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        // written out of order: M1 at x=-1 overlaps M0 at x=-2 on one column; M2 leaves a gap.
        czi.tile(GRAY8, 2, 1, Pixels.gray8(20, 21)).at(-1, 0).index("M", 1);
        czi.tile(GRAY8, 2, 1, Pixels.gray8(10, 11)).at(-2, 0).index("M", 0);
        czi.tile(GRAY8, 1, 1, Pixels.gray8(30)).at(3, 1).index("M", 2);
        try (ImageSource source = open(czi)) {
            assertEquals("6 x 2, C1 Z1 T1, uint8", source.info(0).describe());
            assertArrayEquals(floats(10, 20, 21, 0, 0, 0, 0, 0, 0, 0, 0, 30), source.readPlane(0, 0, 0, 0).data());
        }
    }

    @Test
    void downscaledPyramidSubblocksAreIgnored() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY8, 2, 2, Pixels.gray8(1, 2, 3, 4));
        czi.tile(GRAY8, 8, 8, Pixels.gray8(99, 99, 99, 99)).at(-3, -3).stored(2, 2);
        try (ImageSource source = open(czi)) {
            assertEquals("2 x 2, C1 Z1 T1, uint8", source.info(0).describe());
            assertArrayEquals(floats(1, 2, 3, 4), source.readPlane(0, 0, 0, 0).data());
        }
    }

    @Test
    void gray32FloatAndBgr48() throws IOException {
        SyntheticCzi floats = new SyntheticCzi();
        floats.tile(GRAY32_FLOAT, 2, 1, Pixels.float32(-1.5f, 3e9f));
        try (ImageSource source = open(floats)) {
            assertEquals(PixelType.FLOAT32, source.info(0).pixelType());
            assertArrayEquals(new float[] {-1.5f, 3e9f}, source.readPlane(0, 0, 0, 0).data());
        }
        SyntheticCzi bgr = new SyntheticCzi();
        bgr.tile(BGR48, 2, 1, Pixels.gray16(1, 2, 3, 40000, 50000, 60000));
        try (ImageSource source = new CziReader().open(bgr.write(dir, "bgr48.czi"))) {
            assertEquals(new ImageInfo(2, 1, 3, 1, 1, PixelType.UINT16, true, List.of("red", "green", "blue")), source.info(0));
            assertArrayEquals(floats(3, 60000), source.readPlane(0, 0, 0, 0).data());
            assertArrayEquals(floats(2, 50000), source.readPlane(0, 1, 0, 0).data());
            assertArrayEquals(floats(1, 40000), source.readPlane(0, 2, 0, 0).data());
        }
    }

    @Test
    void planesWithoutSubblocksAreBlack() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY8, 2, 1, Pixels.gray8(1, 2)).index("C", 0).index("Z", 0);
        czi.tile(GRAY8, 2, 1, Pixels.gray8(3, 4)).index("C", 1).index("Z", 0);
        czi.tile(GRAY8, 2, 1, Pixels.gray8(5, 6)).index("C", 0).index("Z", 1);
        try (ImageSource source = open(czi)) {
            assertEquals("2 x 1, C2 Z2 T1, uint8", source.info(0).describe());
            assertArrayEquals(floats(0, 0), source.readPlane(0, 1, 1, 0).data());
            assertArrayEquals(floats(5, 6), source.readPlane(0, 0, 1, 0).data());
        }
    }

    @Test
    void onlyTheFirstIndexOfOtherDimensionsIsRead() throws IOException {
        SyntheticCzi czi = new SyntheticCzi();
        czi.tile(GRAY8, 1, 1, Pixels.gray8(1)).index("B", 0).index("H", 2);
        czi.tile(GRAY8, 1, 1, Pixels.gray8(2)).index("B", 0).index("H", 3);
        try (ImageSource source = open(czi)) {
            assertArrayEquals(floats(1), source.readPlane(0, 0, 0, 0).data());
        }
    }
}
