package fluffy.io.internal.tiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import fluffy.core.image.Plane;
import fluffy.io.ImageInfo;
import fluffy.io.ImageReader;
import fluffy.io.ImageSource;
import fluffy.io.TiffRowReader;
import fluffy.io.UnsupportedImageException;

/**
 * Single-page grey TIFFs that ImageJ refuses (BigTIFF, tiles), through Fluffy's own band reader. It has the
 * lowest priority: ImageJ reads every other TIFF, and Bio-Formats, when the user installed it, goes first
 * (it also knows their metadata); what remains is read here rather than refused.
 */
public final class TiffBandsReader implements ImageReader {

    /** The format's name in messages and logs. */
    static final String NAME = "TIFF (Fluffy band reader)";

    @Override
    public ImageSource open(Path file) throws IOException {
        Optional<String> why = TiffRowReader.unsupported(file);
        if (why.isPresent()) {
            throw new UnsupportedImageException(file, "the band reader does not read " + why.get());
        }
        TiffRowReader reader = TiffRowReader.open(file).orElseThrow();
        if (reader.morePages()) {
            reader.close();
            throw new UnsupportedImageException(file, "the band reader reads single-page TIFFs only");
        }
        return new Source(reader);
    }

    /** One series of one grey plane, decoded when it is asked for. */
    private record Source(TiffRowReader reader) implements ImageSource {

        @Override
        public Path file() {
            return reader.file();
        }

        @Override
        public String formatName() {
            return NAME;
        }

        @Override
        public int seriesCount() {
            return 1;
        }

        @Override
        public ImageInfo info(int series) {
            return ImageInfo.of(reader.width(), reader.height(), 1, 1, 1, reader.pixelType(), false);
        }

        @Override
        public Plane readPlane(int series, int c, int z, int t) throws IOException {
            checkIndex(series, c, z, t);
            return reader.rows(0, reader.height());
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
