package fluffy.models;

import java.util.List;
import java.util.Locale;

/**
 * One dimension of a model type's hyperparameter space, with its default. Searches sample integer
 * dimensions as integers, {@link Kind#LOG_REAL} on a log scale, and choices categorically.
 *
 * @param choices the allowed values of a {@link Kind#CHOICE}; empty otherwise
 */
public record Hyperparameter(String name, String description, Kind kind, double min, double max, Object defaultValue,
        List<String> choices) {

    public enum Kind { INTEGER, REAL, LOG_REAL, CHOICE, FLAG }

    public Hyperparameter {
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default '" + defaultValue + "' is not one of " + choices);
        }
        if ((kind == Kind.INTEGER || kind == Kind.REAL || kind == Kind.LOG_REAL)
                && !(min <= ((Number) defaultValue).doubleValue() && ((Number) defaultValue).doubleValue() <= max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
        if (kind == Kind.LOG_REAL && min <= 0) {
            throw new IllegalArgumentException(name + ": a log-scale range must be positive");
        }
    }

    public static Hyperparameter integer(String name, String description, int min, int max, int defaultValue) {
        return new Hyperparameter(name, description, Kind.INTEGER, min, max, defaultValue, List.of());
    }

    public static Hyperparameter real(String name, String description, double min, double max, double defaultValue) {
        return new Hyperparameter(name, description, Kind.REAL, min, max, defaultValue, List.of());
    }

    public static Hyperparameter logReal(String name, String description, double min, double max, double defaultValue) {
        return new Hyperparameter(name, description, Kind.LOG_REAL, min, max, defaultValue, List.of());
    }

    public static Hyperparameter choice(String name, String description, List<String> choices, String defaultValue) {
        return new Hyperparameter(name, description, Kind.CHOICE, 0, choices.size() - 1, defaultValue, choices);
    }

    public static Hyperparameter flag(String name, String description, boolean defaultValue) {
        return new Hyperparameter(name, description, Kind.FLAG, 0, 1, defaultValue, List.of());
    }

    /**
     * Reads a value given as text (CLI, metadata) and checks it against the range.
     *
     * @throws IllegalArgumentException naming the hyperparameter and what is allowed
     */
    public Object parse(String text) {
        try {
            Object value = switch (kind) {
                case INTEGER -> Integer.parseInt(text.trim());
                case REAL, LOG_REAL -> Double.parseDouble(text.trim());
                case FLAG -> parseFlag(text.trim());
                case CHOICE -> text.trim();
            };
            check(value);
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not " + (kind == Kind.INTEGER ? "an integer" : "a number"));
        }
    }

    /** @throws IllegalArgumentException when the value is of the wrong type or outside the range */
    public void check(Object value) {
        boolean ok = switch (kind) {
            case INTEGER -> value instanceof Integer i && min <= i && i <= max;
            case REAL, LOG_REAL -> value instanceof Number n && min <= n.doubleValue() && n.doubleValue() <= max;
            case FLAG -> value instanceof Boolean;
            case CHOICE -> choices.contains(value);
        };
        if (!ok) {
            throw new IllegalArgumentException(name + ": " + value + " is not allowed; expected " + describeRange());
        }
    }

    /** For example {@code integer 1..5}, {@code one of adam, rmsprop}. */
    public String describeRange() {
        return switch (kind) {
            case INTEGER -> String.format(Locale.ROOT, "an integer %d..%d", (int) min, (int) max);
            case REAL -> String.format(Locale.ROOT, "a number %s..%s", min, max);
            case LOG_REAL -> String.format(Locale.ROOT, "a number %s..%s (log scale)", min, max);
            case FLAG -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    private Boolean parseFlag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(name + ": '" + text + "' is not true or false");
        };
    }
}
