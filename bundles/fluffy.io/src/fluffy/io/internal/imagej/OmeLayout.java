package fluffy.io.internal.imagej;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plane order an OME-TIFF's XML declares. ImageJ reads OME-TIFF planes as one flat stack; this maps
 * (c, z, t) back onto that stack.
 *
 * @param order the dimension order after X and Y, fastest first, e.g. {@code CZT}
 */
record OmeLayout(int series, int sizeC, int sizeZ, int sizeT, String order, fluffy.io.PixelSize pixelSize) {

    private static final Pattern IMAGE = Pattern.compile("<(?:\\w+:)?Image[\\s>]");
    private static final Pattern PIXELS = Pattern.compile("<(?:\\w+:)?Pixels\\s([^>]*)>");

    /** Null when the description is no OME-XML or lacks the sizes. */
    static OmeLayout parse(String description) {
        if (!description.contains("<OME")) {
            return null;
        }
        int series = 0;
        Matcher image = IMAGE.matcher(description);
        while (image.find()) {
            series++;
        }
        Matcher pixels = PIXELS.matcher(description);
        if (!pixels.find()) {
            return null;
        }
        String attributes = pixels.group(1);
        String order = attribute(attributes, "DimensionOrder");
        try {
            int c = Integer.parseInt(attribute(attributes, "SizeC"));
            int z = Integer.parseInt(attribute(attributes, "SizeZ"));
            int t = Integer.parseInt(attribute(attributes, "SizeT"));
            if (order == null || !order.matches("XY[CZT]{3}") || c <= 0 || z <= 0 || t <= 0) {
                return null;
            }
            return new OmeLayout(Math.max(series, 1), c, z, t, order.substring(2), new fluffy.io.PixelSize(
                    physical(attributes, "X"), physical(attributes, "Y"), physical(attributes, "Z")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Index (from 0) in the flat stack of plane (c, z, t). */
    int index(int c, int z, int t) {
        int index = 0;
        int stride = 1;
        for (char d : order.toCharArray()) {
            int position = d == 'C' ? c : d == 'Z' ? z : t;
            int size = d == 'C' ? sizeC : d == 'Z' ? sizeZ : sizeT;
            index += position * stride;
            stride *= size;
        }
        return index;
    }

    /** PhysicalSize{axis} in micrometres (its unit attribute, µm by default as in the OME schema), or NaN. */
    private static double physical(String attributes, String axis) {
        String value = attribute(attributes, "PhysicalSize" + axis);
        String unit = attribute(attributes, "PhysicalSize" + axis + "Unit");
        try {
            return value == null ? Double.NaN
                    : fluffy.io.PixelSize.micrometres(Double.parseDouble(value), unit == null ? "µm" : unit);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }
}
