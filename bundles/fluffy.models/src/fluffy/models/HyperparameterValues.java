package fluffy.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values for a model type's hyperparameters, checked against its space; missing ones take defaults. */
public final class HyperparameterValues {

    private final Map<String, Object> values;

    private HyperparameterValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The defaults of a space. */
    public static HyperparameterValues defaults(List<Hyperparameter> space) {
        return of(space, Map.of());
    }

    /**
     * @throws IllegalArgumentException for a name the space lacks or a value outside its range
     */
    public static HyperparameterValues of(List<Hyperparameter> space, Map<String, ?> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyperparameter h : space) {
            Object v = given.containsKey(h.name()) ? given.get(h.name()) : h.defaultValue();
            if (v instanceof String text && h.kind() != Hyperparameter.Kind.CHOICE) {
                v = h.parse(text);
            }
            h.check(v);
            values.put(h.name(), v);
        }
        for (String name : given.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown hyperparameter '" + name + "'; known: "
                        + String.join(", ", values.keySet()));
            }
        }
        return new HyperparameterValues(values);
    }

    public int integer(String name) {
        return (Integer) get(name);
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    public String choice(String name) {
        return (String) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no hyperparameter '" + name + "'");
        }
        return v;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** Text form, e.g. {@code depth=4 width=16}, as stored in model metadata. */
    public String encode() {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    /** Parses {@link #encode()} output against a space. */
    public static HyperparameterValues decode(List<Hyperparameter> space, String text) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("hyperparameter '" + pair + "' is not name=value");
            }
            given.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return of(space, given);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperparameterValues h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
