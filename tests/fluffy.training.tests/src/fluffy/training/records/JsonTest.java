package fluffy.training.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscapedAndReadBack() {
        String nasty = "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 nul \u0000 ünï 😀";
        String json = JsonWriter.write(nasty);
        assertEquals("\"quote \\\" backslash \\\\ slash / newline \\n tab \\t cr \\r bell \\u0007 nul \\u0000 ünï 😀\"\n",
                json);
        assertEquals(nasty, JsonReader.parse(json));
        assertEquals("é/", JsonReader.parse("\"\\u00e9\\/\""));
    }

    @Test
    void numbersIgnoreTheDefaultLocaleAndNonFiniteOnesBecomeNull() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            List<Object> values = Arrays.asList(1.5, 1e-6, -2.5e10, 3, 4L, Double.NaN, Double.POSITIVE_INFINITY, 0.1f);
            String json = JsonWriter.write(values).replaceAll("\\s", "");
            assertEquals("[1.5,1.0E-6,-2.5E10,3,4,null,null,0.10000000149011612]", json);
            assertEquals(Arrays.asList(1.5, 1e-6, -2.5e10, 3L, 4L, null, null, 0.10000000149011612),
                    JsonReader.parse(json));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void nestedValuesRoundTripInOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", true);
        map.put("a", List.of());
        map.put("m", Map.of());
        map.put("list", new ArrayList<>(Arrays.asList(1L, "two", null, List.of(false))));
        map.put("odd \"key\"", 0.25);
        Object back = JsonReader.parse(JsonWriter.write(map));
        assertEquals(map, back);
        assertEquals(List.of("z", "a", "m", "list", "odd \"key\""), List.copyOf(((Map<?, ?>) back).keySet()));
    }

    @Test
    void damagedTextIsReportedWithAPosition() {
        for (String bad : List.of("{\"a\": 1", "[1, 2", "{\"a\" 1}", "[1,]", "nul", "\"open", "1 2", "NaN", "{1: 2}")) {
            var e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
            assertTrue(e.getMessage().contains("at character"), e.getMessage());
        }
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenNeededAndSplitBack() {
        List<String> fields = List.of("plain", "with,comma", "with \"quotes\"", "", "1.0E-4");
        String line = Csv.line(fields.stream().map(Csv::field).toList());
        assertEquals("plain,\"with,comma\",\"with \"\"quotes\"\"\",,1.0E-4\n", line);
        assertEquals(fields, Csv.split(line.strip()));
        assertEquals("", Csv.number(Double.NaN));
        assertTrue(Double.isNaN(Csv.number("")));
    }
}
