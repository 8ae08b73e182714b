package fluffy.inference;

import java.util.Locale;

/**
 * At what scale an image is predicted, relative to the scale of the model's training data (the median
 * object diameter its metadata records): as it is ({@link #NATIVE}), rescaled so that objects of a given
 * diameter get the model's ({@link #diameter}), or rescaled after a first pass has measured the objects
 * ({@link #AUTO}, the default). Models that do not record their objects' size are predicted as they are.
 *
 * @param diameter the objects' typical diameter in the image, in pixels; NaN for {@link #AUTO}, 0 for
 *                 {@link #NATIVE}
 */
public record ObjectScale(double diameter) {

    public static final ObjectScale AUTO = new ObjectScale(Double.NaN);
    public static final ObjectScale NATIVE = new ObjectScale(0);

    public ObjectScale {
        if (diameter < 0 || Double.isInfinite(diameter)) {
            throw new IllegalArgumentException("object diameter must be positive pixels, got " + diameter);
        }
    }

    public static ObjectScale diameter(double pixels) {
        if (!(pixels > 0)) {
            throw new IllegalArgumentException("object diameter must be positive pixels, got " + pixels);
        }
        return new ObjectScale(pixels);
    }

    /** {@code auto}, {@code none} or a diameter in pixels, as {@code --diameter} takes it. */
    public static ObjectScale parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("none") || t.equals("0")) {
            return NATIVE;
        }
        try {
            return diameter(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--diameter takes auto, none or pixels (e.g. 24), not '" + text + "'");
        }
    }

    public boolean auto() {
        return Double.isNaN(diameter);
    }

    public boolean givenDiameter() {
        return diameter > 0;
    }
}
