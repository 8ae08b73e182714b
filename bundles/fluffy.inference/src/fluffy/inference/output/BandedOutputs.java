package fluffy.inference.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.BandedPrediction;
import fluffy.io.PixelSize;
import fluffy.io.RowReader;
import fluffy.io.rois.LabelMapFiles;

/**
 * The outputs of an image predicted by bands ({@link BandedPrediction}), the same files as {@link ImageOutputs}
 * writes for one plane (all {@link OutputFormat}s; probabilities are not written by bands), without ever holding
 * the label map: objects are measured and outlined as their blocks
 * keep them, label rows go to a scratch file, and on {@link #commit} the label map (uint16, or uint32 beyond
 * 65,535 objects; BigTIFF beyond 4 GiB), the mask and the overlay are written from it row by row.
 */
public final class BandedOutputs implements BandedPrediction.Sink, AutoCloseable {

    private final String stem;
    private final int width;
    private final int height;
    private final Set<OutputFormat> formats;
    private final PixelSize pixelSize;
    private final StagedFiles files;
    private final Path labelsRaw;
    private final OutputStream labelsOut;
    private final ObjectFiles objectFiles;
    private final byte[] rowBytes;
    private int maxLabel;
    private int objects;
    private long rowsWritten;
    private boolean committed;

    public BandedOutputs(Path dir, String stem, int width, int height, Set<OutputFormat> formats, PixelSize pixelSize)
            throws IOException {
        this.stem = stem;
        this.width = width;
        this.height = height;
        this.formats = formats;
        this.pixelSize = pixelSize;
        this.files = new StagedFiles(dir, stem);
        this.rowBytes = new byte[4 * width];
        labelsRaw = files.scratch(".labels.raw");
        labelsOut = new BufferedOutputStream(Files.newOutputStream(labelsRaw), 1 << 20);
        objectFiles = new ObjectFiles(files, stem, formats);
        objectFiles.pixelSize(pixelSize);
    }

    @Override
    public void objects(LabelMap found, Plane image, int x0, int y0, int firstLabel) throws IOException {
        // Counted, not taken from the labels handed out: a rescaled block may have lost an object smaller than a pixel.
        objects += objectFiles.add(found, image, 0, 0, x0, y0, firstLabel - 1);
    }

    @Override
    public void rows(int[] labels, int rows) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < rows; y++) {
            b.clear();
            for (int x = 0; x < width; x++) {
                int v = labels[y * width + x];
                maxLabel = Math.max(maxLabel, v);
                b.putInt(v);
            }
            labelsOut.write(rowBytes);
        }
        rowsWritten += rows;
    }

    /** Objects so far. */
    public int objects() {
        return objects;
    }

    /**
     * Writes the label map, mask and overlay and moves every file into place (the label map last).
     *
     * @param image   the image again, for the overlay
     * @param display how the image is stretched to grey in the overlay
     */
    public List<Path> commit(RowReader image, Normalization.Scaling display) throws IOException {
        if (rowsWritten != height) {
            throw new IllegalStateException(rowsWritten + " of " + height + " label rows written");
        }
        closeStreams();
        files.removeEarlierLabelMap();
        try (LabelRows labels = new LabelRows(labelsRaw, width, height)) {
            if (formats.contains(OutputFormat.PNG)) {
                Png.write(files.staged(stem + "_mask.png"), width, height, false, (y, row) -> {
                    int[] l = labels.window(y);
                    int here = labels.offset(y);
                    for (int x = 0; x < width; x++) {
                        row[x] = l[here + x] != 0 ? (byte) 255 : 0;
                    }
                });
                ImageRows pixels = new ImageRows(image);
                Png.write(files.staged(stem + "_overlay.png"), width, height, true, (y, row) -> {
                    int[] l = labels.window(y);
                    Plane p = pixels.band(y);
                    Overlay.paint(p.data(), pixels.offset(y), l, y > 0 ? labels.offset(y - 1) : -1, labels.offset(y),
                            y < height - 1 ? labels.offset(y + 1) : -1, width, display, row);
                });
            }
            boolean uint32 = maxLabel > LabelMapFiles.MAX_UINT16_LABEL;
            TiffStack.Type type = uint32 ? TiffStack.Type.UINT32 : TiffStack.Type.UINT16;
            boolean big = TiffStack.needsBigTiff(width, height, type, 1);
            TiffStack.IntRows rows = (y, out) -> System.arraycopy(labels.window(y), labels.offset(y), out, 0, width);
            if (formats.contains(OutputFormat.OME_TIFF)) {
                try (TiffStack ome = new TiffStack(files.staged(stem + "_labels.ome.tif"), width, height, type,
                        OmeXml.labels(stem + " labels", width, height, 1, 1, uint32, pixelSize), big)) {
                    ome.page(rows);
                }
            }
            try (TiffStack tiff = new TiffStack(files.staged(stem + ".tif"), width, height, type,
                    TiffStack.imageJDescription(1, 1, 1), big)) {
                tiff.page(rows);
            }
        }
        List<Path> written = files.moveAll();
        committed = true;
        return written;
    }

    /** Deletes the temporary files of an image that was not committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            closeStreams();
        } finally {
            files.discard();
        }
    }

    private void closeStreams() throws IOException {
        try {
            labelsOut.close();
        } finally {
            objectFiles.close();
        }
    }

    /** Rows of the scratch label file, read in windows of many rows (one row above and below the row asked). */
    private static final class LabelRows implements AutoCloseable {

        private static final int ROWS = 256;

        private final FileChannel channel;
        private final int width;
        private final int height;
        private final int[] window;
        private int first = Integer.MIN_VALUE;

        LabelRows(Path raw, int width, int height) throws IOException {
            this.channel = FileChannel.open(raw, StandardOpenOption.READ);
            this.width = width;
            this.height = height;
            this.window = new int[(ROWS + 2) * width];
        }

        /** The window holding rows y - 1 to y + 1 (those that exist). */
        int[] window(int y) throws IOException {
            int lo = Math.max(0, y - 1);
            int hi = Math.min(height - 1, y + 1);
            if (lo < first || hi >= first + ROWS + 2) {
                first = lo;
                int rows = Math.min(ROWS + 2, height - first);
                ByteBuffer b = ByteBuffer.allocate(rows * width * 4).order(ByteOrder.LITTLE_ENDIAN);
                long at = (long) first * width * 4;
                while (b.hasRemaining()) {
                    if (channel.read(b, at + b.position()) < 0) {
                        throw new IOException("the label scratch file ends early");
                    }
                }
                b.flip();
                b.asIntBuffer().get(window, 0, rows * width);
            }
            return window;
        }

        int offset(int y) {
            return (y - first) * width;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** The image's rows for the overlay, read a band at a time. */
    private static final class ImageRows {

        private static final int ROWS = 256;

        private final RowReader image;
        private Plane band;
        private int first = -1;

        ImageRows(RowReader image) {
            this.image = image;
        }

        Plane band(int y) throws IOException {
            if (band == null || y < first || y >= first + band.height()) {
                first = y;
                band = image.rows(y, Math.min(ROWS, image.height() - y));
            }
            return band;
        }

        int offset(int y) {
            return (y - first) * image.width();
        }
    }
}
