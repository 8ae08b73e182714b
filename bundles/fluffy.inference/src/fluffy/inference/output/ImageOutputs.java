package fluffy.inference.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.ClassMaps;
import fluffy.core.files.AtomicFiles;
import fluffy.io.rois.LabelMapFiles;

/**
 * The files written for one input image, named after its stem in the output folder: the label map
 * {@code <stem>.tif} (uint16, or uint32 beyond 65,535 objects; a hyperstack for several frames) and, as the
 * {@link OutputFormat formats} asked for, {@code <stem>_mask.png}, {@code <stem>_overlay.png},
 * {@code <stem>_RoiSet.zip} for Fiji, {@code <stem>_objects.csv}, {@code <stem>.geojson} for QuPath, and
 * optionally {@code <stem>_probabilities.tif}. Frames are added one at a
 * time and streamed to hidden temporary files; {@link #commit()} moves them all into place, so a failed
 * or cancelled image leaves no partial output. PNGs of several frames get a 1-based frame number.
 */
public final class ImageOutputs implements AutoCloseable {

    private final String stem;
    private final int width;
    private final int height;
    private final int frameCount;
    private final int sizeZ;
    private final int sizeT;
    private final StagedFiles files;
    private final Path labelsRaw;
    private final OutputStream labelsOut;
    private final Set<OutputFormat> formats;
    private final ObjectFiles objectFiles;
    private TiffStack probabilities;
    private LabelMap single;
    private fluffy.io.PixelSize pixelSize = fluffy.io.PixelSize.UNKNOWN;
    private int maxLabel;
    private int objects;
    private boolean committed;

    /**
     * Whether the outputs of {@code stem} may be named {@code fileName}: the label map {@code <stem>.tif} or any
     * {@code <stem>_...} file of the kinds written here (masks, overlays, ROI sets, measurements, probabilities).
     */
    public static boolean mayWrite(String stem, String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        String s = stem.toLowerCase(java.util.Locale.ROOT);
        return name.equals(s + ".tif") || name.equals(s + ".geojson")
                || name.startsWith(s + "_") && (name.endsWith(".png") || name.endsWith(".zip")
                || name.endsWith(".csv") || name.endsWith(".tif"));
    }

    /** The outputs of {@link OutputFormat#DEFAULT}. */
    public ImageOutputs(Path dir, String stem, int width, int height, int sizeZ, int sizeT) throws IOException {
        this(dir, stem, width, height, sizeZ, sizeT, OutputFormat.DEFAULT);
    }

    public ImageOutputs(Path dir, String stem, int width, int height, int sizeZ, int sizeT, Set<OutputFormat> formats)
            throws IOException {
        this.formats = formats;
        this.stem = stem;
        this.width = width;
        this.height = height;
        this.sizeZ = sizeZ;
        this.sizeT = sizeT;
        this.frameCount = sizeZ * sizeT;
        this.files = new StagedFiles(dir, stem);
        labelsRaw = frameCount > 1 ? files.scratch(".labels.raw") : null;
        labelsOut = labelsRaw == null ? null
                : new java.io.BufferedOutputStream(Files.newOutputStream(labelsRaw), 1 << 16);
        objectFiles = new ObjectFiles(files, stem, formats);
    }

    /**
     * Adds the results of one frame ({@code z}, {@code t} from 0).
     *
     * @param display  how the image is stretched to grey in the overlay
     * @param maps     the probabilities, written only when {@link #keepProbabilities} was called
     */
    public void add(int z, int t, Plane image, LabelMap labels, ClassMaps maps, Normalization.Scaling display)
            throws IOException {
        int index = t * sizeZ + z + 1;
        String suffix = frameCount > 1 ? "_" + index : "";
        int max = labels.maxLabel();
        maxLabel = Math.max(maxLabel, max);
        if (labelsOut == null) {
            single = labels;
        } else {
            writeInts(labels.labels());
        }
        if (formats.contains(OutputFormat.PNG)) {
            Png.write(staged(stem + "_mask" + suffix + ".png"), width, height, false, (y, row) -> {
                for (int x = 0; x < width; x++) {
                    row[x] = labels.labels()[y * width + x] != 0 ? (byte) 255 : 0;
                }
            });
            Png.write(staged(stem + "_overlay" + suffix + ".png"), width, height, true,
                    new Overlay(image, labels, display));
        }
        objects += objectFiles.add(labels, image, frameCount > 1 ? z + 1 : 0, frameCount > 1 ? t + 1 : 0, 0, 0, 0);
        if (maps != null && probabilities != null) {
            for (int c = 0; c < maps.classes().size(); c++) {
                int channel = c;
                probabilities.page(i -> maps.get(channel, i));
            }
        }
    }

    /** Also writes {@code <stem>_probabilities.tif}: float32, a channel per class. Call before the first frame. */
    public void keepProbabilities(int classes) throws IOException {
        probabilities = new TiffStack(staged(stem + "_probabilities.tif"), width, height, TiffStack.Type.FLOAT32,
                classes, sizeZ, sizeT);
    }

    /**
     * The input's physical pixel size, for the OME-TIFF label map and the CSV's physical columns; unknown unless
     * set. Set it before the first frame.
     */
    public void pixelSize(fluffy.io.PixelSize size) {
        pixelSize = size;
        objectFiles.pixelSize(size);
    }

    /** Objects over all frames so far. */
    public int objects() {
        return objects;
    }

    /** Removes what a killed earlier prediction of these images left half-written (their temporary files). */
    public static int removeTemporaries(Path dir, java.util.Collection<String> stems) throws IOException {
        return AtomicFiles.removeTemporaries(dir, stems);
    }

    /** {@link #complete(Path, String, boolean, Set)} for the default formats. */
    public static boolean complete(Path dir, String stem, boolean probabilities) {
        return complete(dir, stem, probabilities, OutputFormat.DEFAULT);
    }

    /**
     * Whether {@code stem}'s outputs in {@code dir} are complete: its label map is there (moved last, and
     * removed first when an image is predicted again, so a commit cut short leaves none) and, when asked
     * for, its probabilities, its GeoJSON and its OME-TIFF (which an earlier run without them did not write).
     */
    public static boolean complete(Path dir, String stem, boolean probabilities, Set<OutputFormat> formats) {
        return Files.isRegularFile(dir.resolve(stem + ".tif"))
                && (!probabilities || Files.isRegularFile(dir.resolve(stem + "_probabilities.tif")))
                && (!formats.contains(OutputFormat.GEOJSON) || Files.isRegularFile(dir.resolve(stem + ".geojson")))
                && (!formats.contains(OutputFormat.OME_TIFF)
                        || Files.isRegularFile(dir.resolve(stem + "_labels.ome.tif")));
    }

    /** Moves every file into place and returns them; the label map last, as the sign an image is done. */
    public List<Path> commit() throws IOException {
        closeStreams();
        files.removeEarlierLabelMap();
        boolean uint32 = maxLabel > LabelMapFiles.MAX_UINT16_LABEL;
        TiffStack.Type type = uint32 ? TiffStack.Type.UINT32 : TiffStack.Type.UINT16;
        if (formats.contains(OutputFormat.OME_TIFF)) {
            try (TiffStack ome = new TiffStack(staged(stem + "_labels.ome.tif"), width, height, type,
                    OmeXml.labels(stem + " labels", width, height, sizeZ, sizeT, uint32, pixelSize))) {
                writeLabelPages(ome);
            }
        }
        Path labels = staged(stem + ".tif");
        try (TiffStack tiff = new TiffStack(labels, width, height, type, 1, sizeZ, sizeT)) {
            writeLabelPages(tiff);
        }
        List<Path> written = files.moveAll();
        committed = true;
        return written;
    }

    private void writeLabelPages(TiffStack tiff) throws IOException {
        if (single != null) {
            tiff.page(single.labels());
            return;
        }
        int[] page = new int[width * height];
        try (java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(labelsRaw), 1 << 16))) {
            for (int f = 0; f < frameCount; f++) {
                for (int i = 0; i < page.length; i++) {
                    page[i] = in.readInt();
                }
                tiff.page(page);
            }
        }
    }

    private void writeInts(int[] values) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * width);
        for (int y = 0; y < height; y++) {
            b.clear();
            b.asIntBuffer().put(values, y * width, width);
            labelsOut.write(b.array());
        }
    }

    private Path staged(String name) throws IOException {
        return files.staged(name);
    }

    private void closeStreams() throws IOException {
        if (labelsOut != null) {
            labelsOut.close();
        }
        objectFiles.close();
        if (probabilities != null) {
            probabilities.close();
            probabilities = null;
        }
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
}
