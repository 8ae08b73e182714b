package fluffy.io.czi.internal;

import java.util.zip.CRC32;

import fluffy.core.image.Plane;

/**
 * A plane summarised the way {@code reference/czi_reference.py} summarises the same plane decoded with
 * numpy: size, minimum, maximum, sum, and the CRC-32 of its samples as little-endian int32 values.
 */
record PlaneStats(int width, int height, long min, long max, long sum, long crc) {

    static PlaneStats of(Plane plane) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long sum = 0;
        CRC32 crc = new CRC32();
        byte[] le = new byte[4];
        for (float v : plane.data()) {
            int i = (int) v;
            min = Math.min(min, i);
            max = Math.max(max, i);
            sum += i;
            le[0] = (byte) i;
            le[1] = (byte) (i >> 8);
            le[2] = (byte) (i >> 16);
            le[3] = (byte) (i >> 24);
            crc.update(le);
        }
        return new PlaneStats(plane.width(), plane.height(), min, max, sum, crc.getValue());
    }
}
