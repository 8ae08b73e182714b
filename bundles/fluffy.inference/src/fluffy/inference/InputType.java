package fluffy.inference;

import java.util.Locale;

/** Which planes of a stack are predicted, as the original web page offered them. */
public enum InputType {
    /** The first plane (z 0, t 0). */
    FRAME,
    /** The maximum projection over z at the first time point. */
    ZSTACK,
    /** Every time point, each projected over z (maximum) when it has several slices. */
    TIMESERIES,
    /** Every z slice at every time point; the label map is a hyperstack of the same z and t. */
    ALL;

    /** Parses {@code frame}, {@code zstack}, {@code timeseries} or {@code all} (case ignored). */
    public static InputType parse(String text) {
        for (InputType t : values()) {
            if (t.name().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown input type '" + text + "'; use frame, zstack, timeseries or all");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
