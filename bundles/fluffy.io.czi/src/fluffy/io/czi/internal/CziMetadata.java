package fluffy.io.czi.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import fluffy.io.ImageFormatException;

/**
 * The {@code ZISRAWMETADATA} segment: XML size (int32), attachment size (int32), 248 spare bytes, then
 * the UTF-8 XML document ({@code ImageDocument}). Channel names are read from
 * {@code ImageDocument/Metadata/Information/Image/Dimensions/Channels/Channel/@Name}, in C order. The
 * segment's position and size are checked strictly; XML that does not parse only costs the names.
 */
final class CziMetadata {

    static final String ID = "ZISRAWMETADATA";
    private static final int XML_OFFSET = 256;
    /** Larger metadata than this is refused rather than read (real files have at most a few MiB). */
    static final int MAX_XML_BYTES = 64 << 20;

    private static final String[] CHANNELS_PATH = {"Metadata", "Information", "Image", "Dimensions", "Channels"};

    private final String xml;

    private CziMetadata(String xml) {
        this.xml = xml;
    }

    /** Metadata at {@code position}; empty when the file has none (position 0). */
    static CziMetadata read(CziFile file, long position) throws ImageFormatException {
        if (position == 0) {
            return new CziMetadata("");
        }
        String what = "the metadata segment";
        CziFile.Segment segment = file.segment(position, ID, what);
        int size = file.read(segment.dataStart(), 4, what).getInt(0);
        if (size < 0 || size > MAX_XML_BYTES) {
            throw file.problem(what + " claims " + size + " bytes of XML: damaged");
        }
        ByteBuffer bytes = file.read(segment.dataStart() + XML_OFFSET, size, what + "'s XML");
        return new CziMetadata(new String(bytes.array(), StandardCharsets.UTF_8).replace("\0", "").strip());
    }

    /** The XML text, possibly empty. */
    String xml() {
        return xml;
    }

    /** Channel names in C order; empty when the metadata names none or cannot be parsed. */
    List<String> channelNames() {
        List<String> names = new ArrayList<>();
        Element channels = root();
        for (String step : CHANNELS_PATH) {
            channels = channels == null ? null : child(channels, step);
        }
        if (channels != null) {
            for (Node n = channels.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element channel && channel.getTagName().equals("Channel")) {
                    names.add(channel.getAttribute("Name").strip());
                }
            }
        }
        return names;
    }

    /**
     * The pixel size from {@code ImageDocument/Metadata/Scaling/Items/Distance[@Id=X|Y|Z]/Value} (metres,
     * as ZEN writes them), in micrometres; unknown where absent.
     */
    fluffy.io.PixelSize pixelSize() {
        Element items = root();
        for (String step : new String[] {"Metadata", "Scaling", "Items"}) {
            items = items == null ? null : child(items, step);
        }
        double[] xyz = {Double.NaN, Double.NaN, Double.NaN};
        if (items != null) {
            for (Node n = items.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element d && d.getTagName().equals("Distance")) {
                    int axis = "XYZ".indexOf(d.getAttribute("Id"));
                    Element value = child(d, "Value");
                    if (axis >= 0 && d.getAttribute("Id").length() == 1 && value != null) {
                        try {
                            xyz[axis] = Double.parseDouble(value.getTextContent().strip()) * 1e6;
                        } catch (NumberFormatException e) {
                            // an unreadable value stays unknown
                        }
                    }
                }
            }
        }
        return new fluffy.io.PixelSize(xyz[0], xyz[1], xyz[2]);
    }

    private Element root() {
        if (xml.isEmpty()) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fail on fatal errors without printing them
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
