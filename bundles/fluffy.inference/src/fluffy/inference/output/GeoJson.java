package fluffy.inference.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ObjectOutlines;

/**
 * {@code <stem>.geojson}: the objects of a prediction as a GeoJSON FeatureCollection (RFC 7946) in the form
 * QuPath imports (File > Import objects, or dragging the file onto the image): one feature per object,
 * its outline along pixel edges as a Polygon (a MultiPolygon for an object in several parts, holes as
 * inner rings) in pixel coordinates of the image (x right, y down, origin at the top-left corner of the
 * first pixel), and as properties {@code objectType: detection}, the object's {@code label}, and its
 * {@code measurements} (the columns of {@code <stem>_objects.csv}). Objects of a stack's frames carry
 * their 1-based {@code z} and {@code t} and, in the geometry, QuPath's 0-based {@code plane}. Feature ids
 * are UUIDs made from the stem, frame and label, so predicting the same image again writes the same file.
 */
public final class GeoJson implements Closeable {

    private final BufferedWriter out;
    private final String stem;
    private boolean first = true;

    GeoJson(Path file, String stem) throws IOException {
        this.stem = stem;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write("{\"type\": \"FeatureCollection\", \"features\": [");
    }

    /** Adds a feature per object of one frame ({@code z}, {@code t} from 1; 0 and 0 for a single image). */
    void add(LabelMap labels, ObjectMeasurements measured, int z, int t) throws IOException {
        add(labels, measured, z, t, 0, 0, 0);
    }

    /**
     * The same for a part of a larger image: {@code labels} lies at ({@code dx}, {@code dy}) in it and its label k
     * is the image's {@code k + labelOffset} (features placed and named as in the image).
     */
    void add(LabelMap labels, ObjectMeasurements measured, int z, int t, int dx, int dy, int labelOffset)
            throws IOException {
        StringBuilder f = new StringBuilder(1024);
        for (int local : measured.labels()) {
            int label = local + labelOffset;
            int[] box = measured.box(local);
            List<ObjectOutlines.Polygon> parts = ObjectOutlines.of(labels, local, box[0], box[1], box[2], box[3]);
            f.setLength(0);
            f.append(first ? "\n" : ",\n");
            first = false;
            String key = stem + "/" + z + "/" + t + "/" + label;
            f.append("{\"type\": \"Feature\", \"id\": \"")
                    .append(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))).append("\", \"geometry\": ");
            geometry(f, parts, z, t, dx, dy);
            f.append(", \"properties\": {\"objectType\": \"detection\", \"name\": \"").append(label)
                    .append("\", \"label\": ").append(label);
            if (z > 0) {
                f.append(", \"z\": ").append(z).append(", \"t\": ").append(t);
            }
            f.append(", \"measurements\": {");
            Number[] values = measured.values(local, dx, dy);
            String separator = "";
            for (int c = 0; c < values.length; c++) {
                if (!Double.isNaN(values[c].doubleValue())) { // JSON has no NaN: an unknown value is left out
                    f.append(separator).append('"').append(ObjectMeasurements.COLUMNS.get(c)).append("\": ")
                            .append(ObjectMeasurements.format(c, values[c]));
                    separator = ", ";
                }
            }
            f.append("}}}");
            out.write(f.toString());
        }
    }

    private static void geometry(StringBuilder f, List<ObjectOutlines.Polygon> parts, int z, int t, int dx, int dy) {
        boolean multi = parts.size() > 1;
        f.append("{\"type\": \"").append(multi ? "MultiPolygon" : "Polygon").append("\", \"coordinates\": ");
        if (multi) {
            f.append('[');
        }
        for (int p = 0; p < parts.size(); p++) {
            f.append(p == 0 ? "" : ", ").append('[');
            ring(f, parts.get(p).shell(), dx, dy);
            for (ObjectOutlines.Ring hole : parts.get(p).holes()) {
                f.append(", ");
                ring(f, hole, dx, dy);
            }
            f.append(']');
        }
        if (multi) {
            f.append(']');
        }
        if (z > 0) {
            f.append(", \"plane\": {\"c\": -1, \"z\": ").append(z - 1).append(", \"t\": ").append(t - 1).append('}');
        }
        f.append('}');
    }

    /** A linear ring: its vertices and the first one again, as GeoJSON closes rings. */
    private static void ring(StringBuilder f, ObjectOutlines.Ring ring, int dx, int dy) {
        int[] xy = ring.xy();
        f.append('[');
        for (int i = 0; i <= xy.length; i += 2) {
            int j = i % xy.length;
            f.append(i == 0 ? "" : ", ").append('[').append(xy[j] + dx).append(", ").append(xy[j + 1] + dy).append(']');
        }
        f.append(']');
    }

    /**
     * Writes {@code file} atomically for one label map, with measurements on {@code image} (null when it is not
     * at hand: then without intensities).
     *
     * @return how many objects it holds
     */
    public static int write(Path file, String stem, LabelMap labels, fluffy.core.image.Plane image)
            throws IOException {
        ObjectMeasurements measured = ObjectMeasurements.of(labels, image);
        fluffy.core.files.AtomicFiles.write(file, tmp -> {
            try (GeoJson g = new GeoJson(tmp, stem)) {
                g.add(labels, measured, 0, 0);
            }
        });
        return measured.count();
    }

    @Override
    public void close() throws IOException {
        out.write("\n]}\n");
        out.close();
    }
}
