package fluffy.headless;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of option values that several commands share: counts, numbers, durations. */
public final class Options {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|min|h)?");

    private Options() {
    }

    public static int positive(Arguments args, String name, int fallback) throws UsageException {
        return integer(args, name, fallback, 1, "a positive integer");
    }

    /** An integer of 0 or more, e.g. a size where 0 means "none" or "whole". */
    public static int nonNegative(Arguments args, String name, int fallback) throws UsageException {
        return integer(args, name, fallback, 0, "an integer of 0 or more");
    }

    private static int integer(Arguments args, String name, int fallback, int min, String what)
            throws UsageException {
        String text = args.value(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be " + what + ", got '" + text + "'");
    }

    public static double real(Arguments args, String name, double fallback) throws UsageException {
        String text = args.value(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a positive number, got '" + text + "'");
    }

    /** Seconds ({@code 1200}) or a number with a unit ({@code 90s}, {@code 20m}, {@code 2h}); null stays null. */
    public static Duration duration(String text) throws UsageException {
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--time-budget takes seconds (1200) or 20m, 2h; got '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = switch (unit) {
            case "h" -> value * 3600;
            case "m", "min" -> value * 60;
            default -> value;
        };
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
