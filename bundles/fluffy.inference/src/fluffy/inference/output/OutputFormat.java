package fluffy.inference.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of file a prediction writes per image ({@code --formats}). The label map is always among them:
 * it is what marks an image done, and what evaluation and the workbench read.
 */
public enum OutputFormat {
    /** {@code <stem>.tif}: the label map (uint16, uint32 beyond 65,535 objects; a hyperstack for stacks). */
    TIF("tif"),
    /** {@code <stem>_mask.png} and {@code <stem>_overlay.png}. */
    PNG("png"),
    /** {@code <stem>_RoiSet.zip}: a ROI per object for Fiji's ROI Manager. */
    ROISET("roiset"),
    /** {@code <stem>_objects.csv}: a row of measurements per object. */
    CSV("csv"),
    /** {@code <stem>.geojson}: a polygon feature per object with its measurements, as QuPath imports it. */
    GEOJSON("geojson"),
    /**
     * {@code <stem>_labels.ome.tif}: the label map as OME-TIFF, with the input's physical pixel size (from its
     * ImageJ calibration, OME-XML or CZI scaling) where known.
     */
    OME_TIFF("ome-tiff");

    /** What a prediction writes unless told otherwise (what it wrote before there was a choice). */
    public static final Set<OutputFormat> DEFAULT = Collections.unmodifiableSet(EnumSet.of(TIF, PNG, ROISET, CSV));

    private final String id;

    OutputFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The formats of a comma-separated list such as {@code tif,csv,geojson}.
     *
     * @throws IllegalArgumentException naming an unknown format, or when the label map ({@code tif}) is missing
     */
    public static Set<OutputFormat> parse(String list) {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String part : list.split(",")) {
            String id = part.strip().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            OutputFormat found = null;
            for (OutputFormat f : values()) {
                if (f.id.equals(id)) {
                    found = f;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown output format '" + part.strip() + "'; the formats are "
                        + ids(EnumSet.allOf(OutputFormat.class)));
            }
            formats.add(found);
        }
        if (!formats.contains(TIF)) {
            throw new IllegalArgumentException("the formats must include tif: the label map marks an image done and "
                    + "is what evaluation reads");
        }
        return Collections.unmodifiableSet(formats);
    }

    /** The formats' ids, comma-separated, in declaration order. */
    public static String ids(Set<OutputFormat> formats) {
        List<String> ids = new ArrayList<>();
        for (OutputFormat f : values()) {
            if (formats.contains(f)) {
                ids.add(f.id);
            }
        }
        return String.join(",", ids);
    }
}
