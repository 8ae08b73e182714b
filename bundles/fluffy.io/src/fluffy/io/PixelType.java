package fluffy.io;

import java.util.Locale;

/** How a reader's samples are stored in the file. Planes always come back as floats in original scale. */
public enum PixelType {
    INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), FLOAT32(4), FLOAT64(8);

    private final int bytes;

    PixelType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per sample in the file. */
    public int bytes() {
        return bytes;
    }

    /** Whether a float holds every value of this type exactly. */
    public boolean fitsFloatExactly() {
        return this != INT32 && this != UINT32 && this != FLOAT64;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
