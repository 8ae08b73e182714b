package fluffy.inference.output;

import java.util.Locale;

import fluffy.io.PixelSize;

/**
 * The OME-XML (schema 2016-06) of a label map written as OME-TIFF: one channel named {@code labels}, its
 * planes in XYZCT order (z fastest, then t, as the label map's pages are), and the input's physical pixel
 * size where it is known (in µm, the schema's default unit, so the text stays ASCII as TIFF asks).
 */
final class OmeXml {

    private OmeXml() {
    }

    static String labels(String name, int width, int height, int sizeZ, int sizeT, boolean uint32, PixelSize size) {
        StringBuilder physical = new StringBuilder();
        append(physical, "PhysicalSizeX", size.x());
        append(physical, "PhysicalSizeY", size.y());
        if (sizeZ > 1) {
            append(physical, "PhysicalSizeZ", size.z());
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.openmicroscopy.org/Schemas/OME/2016-06"
                + " http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd\" Creator=\"Fluffy Workbench\">"
                + "<Image ID=\"Image:0\" Name=\"" + escape(name) + "\">"
                + "<Pixels ID=\"Pixels:0\" DimensionOrder=\"XYZCT\" Type=\"" + (uint32 ? "uint32" : "uint16") + "\""
                + " SizeX=\"" + width + "\" SizeY=\"" + height + "\" SizeZ=\"" + sizeZ + "\" SizeC=\"1\" SizeT=\""
                + sizeT + "\"" + physical + " BigEndian=\"false\">"
                + "<Channel ID=\"Channel:0:0\" Name=\"labels\" SamplesPerPixel=\"1\"/>"
                + "<TiffData IFD=\"0\" PlaneCount=\"" + sizeZ * sizeT + "\"/>"
                + "</Pixels></Image></OME>";
    }

    private static void append(StringBuilder b, String attribute, double value) {
        if (!Double.isNaN(value)) {
            b.append(' ').append(attribute).append("=\"").append(String.format(Locale.ROOT, "%.9g", value)).append('"');
        }
    }

    /** XML-escaped, and ASCII only (other characters as numeric references). */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 32 || c > 126) {
                        b.append("&#").append((int) c).append(';');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
