package fluffy.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import fluffy.core.image.Plane;

/**
 * One grey plane read a band of rows at a time, so that an image larger than memory can be processed band by
 * band ({@link TiffRowReader} reads only the strips or tiles a band needs). Not thread-safe.
 */
public interface RowReader extends Closeable {

    /** The file read, for messages; null for a plane already in memory. */
    Path file();

    int width();

    int height();

    /**
     * Rows {@code y0} to {@code y0 + rows - 1}, whole width, samples in their original scale.
     *
     * @throws IndexOutOfBoundsException when the rows are outside the image
     * @throws IOException               naming the file when they cannot be read or decoded
     */
    Plane rows(int y0, int rows) throws IOException;

    /** A plane already in memory, read by bands like a file. */
    static RowReader of(Plane plane) {
        return new RowReader() {
            @Override
            public Path file() {
                return null;
            }

            @Override
            public int width() {
                return plane.width();
            }

            @Override
            public int height() {
                return plane.height();
            }

            @Override
            public Plane rows(int y0, int rows) {
                if (y0 < 0 || rows <= 0 || y0 + rows > plane.height()) {
                    throw new IndexOutOfBoundsException("rows " + y0 + ".." + (y0 + rows - 1) + " of " + plane.height());
                }
                float[] band = new float[Math.multiplyExact(rows, plane.width())];
                System.arraycopy(plane.data(), y0 * plane.width(), band, 0, band.length);
                return new Plane(plane.width(), rows, band);
            }

            @Override
            public void close() {
            }
        };
    }
}
