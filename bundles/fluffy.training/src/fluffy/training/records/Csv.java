package fluffy.training.records;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as spreadsheets and pandas read them: fields quoted only when they must be,
 * numbers in Java's shortest round-trip form (locale-independent, so never a decimal comma), and a
 * missing number (NaN) as an empty field, which pandas reads back as NaN.
 */
public final class Csv {

    private Csv() {
    }

    static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /** A number written by this class; an empty field is NaN. */
    public static double number(String field) {
        return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** One line, fields as given (use {@link #field} on free text), ended by a newline. */
    static String line(List<String> fields) {
        return String.join(",", fields) + "\n";
    }

    /** Splits one line (without its newline) into fields, undoing {@link #field}'s quoting. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
