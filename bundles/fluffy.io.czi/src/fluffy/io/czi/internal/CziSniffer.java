package fluffy.io.czi.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import fluffy.io.ContentSniffer;

/** Accepts files that start with the CZI magic {@code ZISRAWFILE}, whatever their name. */
public final class CziSniffer implements ContentSniffer {

    private static final byte[] MAGIC = FileHeader.MAGIC.getBytes(StandardCharsets.US_ASCII);

    @Override
    public boolean accepts(String fileName, byte[] head) {
        return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }
}
