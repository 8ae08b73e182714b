package fluffy.io.czi.internal;

import fluffy.io.PixelType;

/** The CZI pixel types this reader decodes, with their code in the file and their sample layout. */
enum CziPixelType {
    GRAY8(0, PixelType.UINT8, 1), GRAY16(1, PixelType.UINT16, 1), GRAY32_FLOAT(2, PixelType.FLOAT32, 1),
    BGR24(3, PixelType.UINT8, 3), BGR48(4, PixelType.UINT16, 3);

    private final int code;
    private final PixelType sampleType;
    private final int samplesPerPixel;

    CziPixelType(int code, PixelType sampleType, int samplesPerPixel) {
        this.code = code;
        this.sampleType = sampleType;
        this.samplesPerPixel = samplesPerPixel;
    }

    /** The type with this code, or {@code null} for one this reader does not decode. */
    static CziPixelType of(int code) {
        for (CziPixelType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** The name the CZI documentation uses for a pixel type code, for messages. */
    static String name(int code) {
        return switch (code) {
            case 0 -> "Gray8";
            case 1 -> "Gray16";
            case 2 -> "Gray32Float";
            case 3 -> "Bgr24";
            case 4 -> "Bgr48";
            case 8 -> "Bgr96Float";
            case 9 -> "Bgra32";
            case 10 -> "Gray64ComplexFloat";
            case 11 -> "Bgr192ComplexFloat";
            case 12 -> "Gray32";
            case 13 -> "Gray64";
            default -> "pixel type " + code;
        };
    }

    PixelType sampleType() {
        return sampleType;
    }

    int samplesPerPixel() {
        return samplesPerPixel;
    }

    boolean rgb() {
        return samplesPerPixel == 3;
    }

    int bytesPerPixel() {
        return samplesPerPixel * sampleType.bytes();
    }

    /**
     * Sample {@code i} of a little-endian pixel buffer as a float. {@code i} counts samples, so the
     * blue, green and red samples of pixel p are at {@code 3p}, {@code 3p + 1} and {@code 3p + 2}.
     */
    float sample(byte[] raw, int i) {
        return switch (sampleType) {
            case UINT8 -> raw[i] & 0xff;
            case UINT16 -> (raw[2 * i] & 0xff) | (raw[2 * i + 1] & 0xff) << 8;
            default -> Float.intBitsToFloat((raw[4 * i] & 0xff) | (raw[4 * i + 1] & 0xff) << 8
                    | (raw[4 * i + 2] & 0xff) << 16 | (raw[4 * i + 3] & 0xff) << 24);
        };
    }

    /** Which sample within a pixel holds the given RGB component (0 red, 1 green, 2 blue); BGR order. */
    int sampleOf(int component) {
        return rgb() ? 2 - component : 0;
    }
}
