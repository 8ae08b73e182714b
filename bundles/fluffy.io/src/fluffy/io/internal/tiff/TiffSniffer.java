package fluffy.io.internal.tiff;

import fluffy.io.ContentSniffer;

/** Recognises TIFF and BigTIFF by their first four bytes, in either byte order. */
public final class TiffSniffer implements ContentSniffer {

    @Override
    public boolean accepts(String fileName, byte[] head) {
        return isTiff(head);
    }

    public static boolean isTiff(byte[] h) {
        return h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43)));
    }
}
