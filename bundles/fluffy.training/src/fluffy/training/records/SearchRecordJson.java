package fluffy.training.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fluffy.models.Hyperparameter;

/** The JSON form of a {@link SearchRecord}: plain maps and lists, and back. */
final class SearchRecordJson {

    static final String FORMAT = "fluffy.search-record/1";

    private SearchRecordJson() {
    }

    static Map<String, Object> dimension(Hyperparameter h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("kind", h.kind().name().toLowerCase(java.util.Locale.ROOT));
        switch (h.kind()) {
            case INTEGER -> {
                m.put("min", (int) h.min());
                m.put("max", (int) h.max());
            }
            case REAL, LOG_REAL -> {
                m.put("min", h.min());
                m.put("max", h.max());
            }
            case CHOICE -> m.put("choices", h.choices());
            case FLAG -> {
                // true or false: nothing to add
            }
        }
        m.put("default", h.defaultValue());
        return m;
    }

    static Map<String, Object> trial(SearchRecord.Trial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", t.number());
        m.put("round", t.round());
        m.put("status", t.status().label());
        m.put("objective", t.objective());
        m.put("mean_score", t.meanScore());
        m.put("point", t.point());
        List<Object> folds = new ArrayList<>();
        for (SearchRecord.Fold f : t.folds()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("fold", f.fold());
            fm.put("score", f.score());
            fm.put("epochs", f.epochs());
            fm.put("seconds", f.seconds());
            folds.add(fm);
        }
        m.put("folds", folds);
        m.put("message", t.message());
        return m;
    }

    static SearchRecord read(Object json, List<Hyperparameter> space) {
        Map<?, ?> root = (Map<?, ?>) json;
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("format is " + root.get("format") + ", expected " + FORMAT);
        }
        SearchRecord record = new SearchRecord(space);
        for (Object o : (List<?>) root.get("trials")) {
            Map<?, ?> t = (Map<?, ?>) o;
            Map<?, ?> p = (Map<?, ?>) t.get("point");
            Map<String, Object> point = new LinkedHashMap<>();
            for (Hyperparameter h : space) {
                if (p.containsKey(h.name())) {
                    point.put(h.name(), value(h, p.get(h.name())));
                }
            }
            List<SearchRecord.Fold> folds = new ArrayList<>();
            for (Object fo : (List<?>) t.get("folds")) {
                Map<?, ?> f = (Map<?, ?>) fo;
                folds.add(new SearchRecord.Fold(integer(f.get("fold")), real(f.get("score")), integer(f.get("epochs")),
                        real(f.get("seconds"))));
            }
            int number = integer(t.get("trial"));
            record.put(new SearchRecord.Trial(number, t.get("round") == null ? number : integer(t.get("round")), point,
                    folds, real(t.get("objective")),
                    SearchRecord.Status.of((String) t.get("status")), (String) t.get("message")));
        }
        return record;
    }

    /** The search space as {@link #dimension} wrote it (descriptions are not recorded). */
    static List<Hyperparameter> space(Object json) {
        List<Hyperparameter> space = new ArrayList<>();
        for (Object o : (List<?>) ((Map<?, ?>) json).get("space")) {
            Map<?, ?> d = (Map<?, ?>) o;
            String name = (String) d.get("name");
            Hyperparameter.Kind kind = Hyperparameter.Kind.valueOf(((String) d.get("kind")).toUpperCase(java.util.Locale.ROOT));
            Object def = d.get("default");
            space.add(switch (kind) {
                case INTEGER -> Hyperparameter.integer(name, "", integer(d.get("min")), integer(d.get("max")), integer(def));
                case REAL -> Hyperparameter.real(name, "", real(d.get("min")), real(d.get("max")), real(def));
                case LOG_REAL -> Hyperparameter.logReal(name, "", real(d.get("min")), real(d.get("max")), real(def));
                case CHOICE -> Hyperparameter.choice(name, "", ((List<?>) d.get("choices")).stream()
                        .map(String.class::cast).toList(), (String) def);
                case FLAG -> Hyperparameter.flag(name, "", (Boolean) def);
            });
        }
        return space;
    }

    /** JSON has one number type; the space says which Java type a value had. */
    private static Object value(Hyperparameter h, Object v) {
        return switch (h.kind()) {
            case INTEGER -> integer(v);
            case REAL, LOG_REAL -> real(v);
            case FLAG -> (Boolean) v;
            case CHOICE -> (String) v;
        };
    }

    private static int integer(Object v) {
        if (v instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        throw new IllegalArgumentException(v + " is not an integer");
    }

    /** null stands for NaN, which JSON cannot write. */
    private static double real(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
