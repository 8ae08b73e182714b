package fluffy.io;

import java.util.Locale;

/**
 * The physical size of a pixel in micrometres, as the file's metadata gives it (ImageJ calibration, CZI
 * scaling); NaN where the file says nothing. {@code z} is the spacing of the planes of a z-stack.
 */
public record PixelSize(double x, double y, double z) {

    /** A file without (usable) calibration. */
    public static final PixelSize UNKNOWN = new PixelSize(Double.NaN, Double.NaN, Double.NaN);

    public PixelSize {
        x = usable(x);
        y = usable(y);
        z = usable(z);
    }

    /** Whether the pixels' width and height are known. */
    public boolean known() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    /**
     * A length in {@code unit} as micrometres, or NaN for a unit that is not a length (pixels, inches are
     * taken; "pixel", "" or anything unknown are not).
     */
    public static double micrometres(double value, String unit) {
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        double factor = switch (u) {
            case "µm", "μm", "um", "micron", "microns", "micrometer", "micrometre", "micrometers", "micrometres" -> 1;
            case "nm", "nanometer", "nanometre", "nanometers", "nanometres" -> 1e-3;
            case "mm", "millimeter", "millimetre", "millimeters", "millimetres" -> 1e3;
            case "cm" -> 1e4;
            case "m", "meter", "metre", "meters", "metres" -> 1e6;
            case "inch", "inches", "in" -> 25400;
            default -> Double.NaN;
        };
        return value * factor;
    }

    private static double usable(double v) {
        return Double.isFinite(v) && v > 0 ? v : Double.NaN;
    }
}
