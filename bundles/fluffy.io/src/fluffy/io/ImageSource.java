package fluffy.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import fluffy.core.image.Plane;

/**
 * An opened image file with one or more series (CZI scenes, OME series). Opening reads the header;
 * pixels are read plane by plane on request, so a reader may keep the file open until {@link #close()}.
 * Not thread-safe.
 */
public interface ImageSource extends Closeable {

    /** The file this was opened from. */
    Path file();

    /** The name of the format that read it, e.g. {@code TIFF (ImageJ)}. */
    String formatName();

    /** How many series (scenes) the file holds; at least 1. */
    int seriesCount();

    /** Dimensions and pixel type of one series. */
    ImageInfo info(int series);

    /**
     * One plane, with samples in their original scale. Indices start at 0.
     *
     * @throws IndexOutOfBoundsException when an index is outside {@link #info(int)}
     * @throws IOException               naming the file when the plane cannot be read or decoded
     */
    Plane readPlane(int series, int c, int z, int t) throws IOException;

    /** The physical size of a pixel of one series, as the file says; {@link PixelSize#UNKNOWN} by default. */
    default PixelSize pixelSize(int series) {
        return PixelSize.UNKNOWN;
    }

    /** Checks indices against the series' dimensions; for implementations. */
    default void checkIndex(int series, int c, int z, int t) {
        if (series < 0 || series >= seriesCount()) {
            throw new IndexOutOfBoundsException("series " + series + " of " + seriesCount());
        }
        ImageInfo info = info(series);
        if (c < 0 || c >= info.sizeC() || z < 0 || z >= info.sizeZ() || t < 0 || t >= info.sizeT()) {
            throw new IndexOutOfBoundsException("plane c=" + c + " z=" + z + " t=" + t + " outside " + info.describe());
        }
    }
}
