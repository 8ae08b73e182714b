package fluffy.inference.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.zip.ZipOutputStream;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.io.PixelSize;
import fluffy.io.rois.LabelMapRois;

/**
 * The per-object outputs of one image, as {@code --formats} asks for them: {@code <stem>_RoiSet.zip} for Fiji,
 * {@code <stem>_objects.csv} and {@code <stem>.geojson} for QuPath, each a staged file written as objects come
 * (a frame of a stack, or a block of an image predicted by bands). Both output writers, {@link ImageOutputs}
 * and {@link BandedOutputs}, hand their objects here, so the three files are alike whichever path made them.
 */
final class ObjectFiles implements Closeable {

    private final ZipOutputStream rois;
    private final BufferedWriter csv;
    private final GeoJson geojson;
    private PixelSize pixelSize = PixelSize.UNKNOWN;
    private boolean csvHeaderWritten;

    ObjectFiles(StagedFiles files, String stem, Set<OutputFormat> formats) throws IOException {
        rois = formats.contains(OutputFormat.ROISET)
                ? new ZipOutputStream(Files.newOutputStream(files.staged(stem + "_RoiSet.zip"))) : null;
        csv = formats.contains(OutputFormat.CSV)
                ? Files.newBufferedWriter(files.staged(stem + "_objects.csv"), StandardCharsets.UTF_8) : null;
        geojson = formats.contains(OutputFormat.GEOJSON) ? new GeoJson(files.staged(stem + ".geojson"), stem) : null;
    }

    /** The input's physical pixel size, for the CSV's physical columns; set it before the first objects. */
    void pixelSize(PixelSize size) {
        pixelSize = size;
    }

    /**
     * Outlines and measures the objects of {@code labels} on {@code image}'s pixels.
     *
     * @param z, t        the plane's position from 1, as ROIs and features name it; 0 and 0 for an image of one
     *                    plane (the CSV's z and t columns say 1 then)
     * @param dx, dy      where {@code labels}' first pixel lies in the image (a block's corner; 0 for a whole plane)
     * @param labelOffset added to every label written (the labels of the blocks before)
     * @return how many objects {@code labels} holds (labels with pixels)
     */
    int add(LabelMap labels, Plane image, int z, int t, int dx, int dy, int labelOffset) throws IOException {
        if (rois != null) {
            LabelMapRois.add(rois, labels, z, t, dx, dy, labelOffset);
        }
        if (csv == null && geojson == null) {
            return labels.objectCount();
        }
        ObjectMeasurements measured = ObjectMeasurements.of(labels, image);
        if (csv != null) {
            writeCsvHeader();
            measured.writeCsv(csv, Math.max(z, 1), Math.max(t, 1), pixelSize, dx, dy, labelOffset);
        }
        if (geojson != null) {
            geojson.add(labels, measured, z, t, dx, dy, labelOffset);
        }
        return measured.count();
    }

    /** The header, once, before the first row: its physical columns depend on the pixel size. */
    private void writeCsvHeader() throws IOException {
        if (!csvHeaderWritten) {
            csv.write(ObjectMeasurements.header(pixelSize));
            csv.newLine();
            csvHeaderWritten = true;
        }
    }

    /** Finishes the files (a CSV with no objects still gets its header); the caller moves them into place. */
    @Override
    public void close() throws IOException {
        try {
            if (csv != null) {
                writeCsvHeader();
            }
        } finally {
            closeAll();
        }
    }

    private void closeAll() throws IOException {
        try {
            if (rois != null) {
                rois.close();
            }
        } finally {
            try {
                if (csv != null) {
                    csv.close();
                }
            } finally {
                if (geojson != null) {
                    geojson.close();
                }
            }
        }
    }
}
