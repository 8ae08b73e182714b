package fluffy.io.bioformats.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import fluffy.io.PixelType;

/** Decoding Bio-Formats' plane bytes: every pixel type, both byte orders, interleaved and planar RGB. */
class SamplesTest {

    @Test
    void pixelTypeCodesFollowFormatTools() {
        assertEquals(PixelType.INT8, Samples.type(0));
        assertEquals(PixelType.UINT16, Samples.type(3));
        assertEquals(PixelType.FLOAT64, Samples.type(7));
        assertEquals(PixelType.UINT8, Samples.type(8), "BIT comes as one byte per pixel");
        assertThrows(IllegalArgumentException.class, () -> Samples.type(9));
    }

    @Test
    void sixteenBitsInBothByteOrdersAndSignedness() {
        byte[] big = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putShort((short) 40000).putShort((short) -2).array();
        assertArrayEquals(new float[] {40000, 65534}, Samples.decode(big, PixelType.UINT16, 2, 1, 0, false, false));
        assertArrayEquals(new float[] {-25536, -2}, Samples.decode(big, PixelType.INT16, 2, 1, 0, false, false));
        byte[] little = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 40000).putShort((short) 7).array();
        assertArrayEquals(new float[] {40000, 7}, Samples.decode(little, PixelType.UINT16, 2, 1, 0, false, true));
    }

    @Test
    void wideTypes() {
        byte[] u32 = ByteBuffer.allocate(4).putInt(-1).array();
        assertArrayEquals(new float[] {4294967295f}, Samples.decode(u32, PixelType.UINT32, 1, 1, 0, false, false));
        byte[] f64 = ByteBuffer.allocate(8).putDouble(2.5).array();
        assertArrayEquals(new float[] {2.5f}, Samples.decode(f64, PixelType.FLOAT64, 1, 1, 0, false, false));
        byte[] f32 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(-0.25f).array();
        assertArrayEquals(new float[] {-0.25f}, Samples.decode(f32, PixelType.FLOAT32, 1, 1, 0, false, true));
    }

    @Test
    void rgbInterleavedAndPlanar() {
        byte[] interleaved = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new float[] {2, 5}, Samples.decode(interleaved, PixelType.UINT8, 2, 3, 1, true, true));
        byte[] planar = {1, 4, 2, 5, 3, (byte) 206};
        assertArrayEquals(new float[] {3, 206}, Samples.decode(planar, PixelType.UINT8, 2, 3, 2, false, true));
    }

    @Test
    void tooFewBytesAreAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.decode(new byte[3], PixelType.UINT16, 2, 1, 0, false, true));
        assertEquals("a plane of 2 pixels x 1 samples of uint16 needs 4 bytes, Bio-Formats returned 3", e.getMessage());
    }
}
