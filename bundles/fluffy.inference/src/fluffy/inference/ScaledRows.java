package fluffy.inference;

import java.io.IOException;
import java.nio.file.Path;

import fluffy.core.image.Plane;
import fluffy.core.image.Resampling;
import fluffy.io.RowReader;

/**
 * An image seen at another size, a band of rows at a time, each row as {@link Resampling#plane} gives it for
 * the whole image: how an image too large to hold is predicted at the scale its objects call for.
 */
final class ScaledRows implements RowReader {

    private final RowReader source;
    private final int width;
    private final int height;

    ScaledRows(RowReader source, int width, int height) {
        this.source = source;
        this.width = width;
        this.height = height;
    }

    @Override
    public Path file() {
        return source.file();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public Plane rows(int y0, int rows) throws IOException {
        if (y0 < 0 || rows <= 0 || y0 + rows > height) {
            throw new IndexOutOfBoundsException("rows " + y0 + ".." + (y0 + rows - 1) + " of " + height);
        }
        int[] needed = Resampling.sourceRows(source.height(), height, y0, rows);
        Plane band = source.rows(needed[0], needed[1] - needed[0] + 1);
        return Resampling.rows(band, needed[0], source.width(), source.height(), width, height, y0, rows);
    }

    /** The source is its owner's to close. */
    @Override
    public void close() {
    }
}
