package fluffy.training.records;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as indented JSON. Numbers use Java's
 * shortest round-trip form, which is valid JSON and locale-independent; NaN and infinities, which JSON
 * cannot express, become null.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {
    }

    static String write(Object value) {
        JsonWriter w = new JsonWriter();
        w.value(value, 0);
        return w.out.append('\n').toString();
    }

    private void value(Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case Double d -> out.append(Double.isFinite(d) ? Double.toString(d) : "null");
            case Float f -> value(f.doubleValue(), depth);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Map<?, ?> m -> object(m, depth);
            case List<?> l -> array(l, depth);
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map, int depth) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            indent(depth + 1);
            string(e.getKey().toString());
            out.append(": ");
            value(e.getValue(), depth + 1);
            out.append(it.hasNext() ? "," : "");
        }
        if (!map.isEmpty()) {
            indent(depth);
        }
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            indent(depth + 1);
            value(list.get(i), depth + 1);
            out.append(i + 1 < list.size() ? "," : "");
        }
        if (!list.isEmpty()) {
            indent(depth);
        }
        out.append(']');
    }

    private void indent(int depth) {
        out.append('\n').append("  ".repeat(depth));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
