package fluffy.io.internal.imagej;

import fluffy.io.ContentSniffer;

/** Recognises the formats ImageJ reads by their magic numbers: TIFF (and STK), PNG, JPEG, GIF, BMP. */
public final class ImageJSniffer implements ContentSniffer {

    /** The kinds of file this reader knows, as told by their first bytes. */
    enum Kind { TIFF, PNG, JPEG, GIF, BMP }

    @Override
    public boolean accepts(String fileName, byte[] head) {
        return kind(head) != null;
    }

    static Kind kind(byte[] h) {
        if (fluffy.io.internal.tiff.TiffSniffer.isTiff(h)) {
            return Kind.TIFF;
        }
        if (h.length >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return Kind.PNG;
        }
        if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
            return Kind.JPEG;
        }
        if (h.length >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return Kind.GIF;
        }
        if (h.length >= 26 && h[0] == 'B' && h[1] == 'M') {
            return Kind.BMP;
        }
        return null;
    }
}
