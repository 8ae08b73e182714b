package fluffy.training.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.models.Hyperparameter;
import fluffy.training.records.SearchRecord.Fold;
import fluffy.training.records.SearchRecord.Status;
import fluffy.training.records.SearchRecord.Trial;

class SearchRecordTest {

    static final List<Hyperparameter> SPACE = List.of(
            Hyperparameter.logReal("learning_rate", "", 1e-6, 1e-1, 1e-4),
            Hyperparameter.integer("depth", "", 1, 5, 4),
            Hyperparameter.choice("optimizer", "", List.of("adam", "rms,prop"), "adam"),
            Hyperparameter.flag("augment", "", true));

    @TempDir
    Path dir;

    private static SearchRecord record() {
        SearchRecord r = new SearchRecord(SPACE);
        r.put(new Trial(0, Map.of("learning_rate", 1e-4, "depth", 4, "optimizer", "adam", "augment", true),
                List.of(new Fold(0, 0.8, 10, 12.5), new Fold(1, 0.7, 10, 11.0), new Fold(2, 0.9, 10, 13.0)), 0.2,
                Status.COMPLETED, ""));
        r.put(new Trial(1, Map.of("learning_rate", 0.05, "depth", 2, "optimizer", "rms,prop", "augment", false),
                List.of(new Fold(0, Double.NaN, 3, 4.0)), Double.NaN, Status.FAILED, "loss became NaN, \"diverged\""));
        r.put(new Trial(2, Map.of("learning_rate", 3.2e-3, "depth", 5, "optimizer", "adam", "augment", true),
                List.of(new Fold(0, 0.85, 10, 9.5)), 0.15, Status.STOPPED_EARLY, "behind the best after fold 0"));
        r.put(new Trial(3, Map.of("learning_rate", 2e-5, "depth", 1, "optimizer", "adam", "augment", false), List.of(),
                Double.NaN, Status.RUNNING, ""));
        return r;
    }

    @Test
    void jsonReadsBackEveryTrialFoldAndScore() throws IOException {
        SearchRecord r = record();
        r.write(dir.resolve("search.csv"), dir.resolve("search.json"));
        SearchRecord back = SearchRecord.read(dir.resolve("search.json"), SPACE);
        assertEquals(r.trials(), back.trials());
        assertEquals(Integer.class, back.trials().get(0).point().get("depth").getClass());
        assertEquals(Double.class, back.trials().get(0).point().get("learning_rate").getClass());
        String json = Files.readString(dir.resolve("search.json"));
        assertTrue(json.contains("\"best_trial\": 0"), json);
        assertTrue(json.contains("\"objective\": null"), json);
        assertTrue(json.contains("\"kind\": \"log_real\""), json);
    }

    @Test
    void csvHasARowPerFoldWithTheTrialRepeated() throws IOException {
        record().write(dir.resolve("search.csv"), dir.resolve("search.json"));
        List<String> lines = Files.readAllLines(dir.resolve("search.csv"));
        assertEquals("trial,round,status,objective,mean_score,fold,score,epochs,seconds,learning_rate,depth,optimizer,augment,"
                + "message", lines.get(0));
        assertEquals(1 + 3 + 1 + 1 + 1, lines.size());
        List<String> second = Csv.split(lines.get(2));
        assertEquals(List.of("0", "0", "completed", "0.2", "0.7999999999999999", "1", "0.7", "10", "11.0", "1.0E-4", "4",
                "adam", "true", ""), second);
        List<String> failed = Csv.split(lines.get(4));
        assertEquals("failed", failed.get(2));
        assertEquals("", failed.get(3));
        assertEquals("rms,prop", failed.get(11));
        assertEquals("loss became NaN, \"diverged\"", failed.get(13));
        List<String> running = Csv.split(lines.get(6));
        assertEquals(List.of("3", "3", "running", "", "", "", "", "", ""), running.subList(0, 9));
    }

    @Test
    void theBestIsTheCompletedTrialWithTheLowestObjective() {
        assertEquals(0, record().best().orElseThrow().number());
        assertTrue(new SearchRecord(SPACE).best().isEmpty());
    }

    @Test
    void aTrialIsReplacedByNumberSoItCanBeRecordedFoldByFold() {
        SearchRecord r = record();
        Trial running = r.trials().get(3);
        r.put(new Trial(3, running.point(), List.of(new Fold(0, 0.95, 10, 8)), Double.NaN, Status.RUNNING, ""));
        assertEquals(4, r.trials().size());
        assertEquals(0.95, r.trials().get(3).meanScore());
    }

    @Test
    void pointsOutsideTheSpaceAreRefused() {
        SearchRecord r = new SearchRecord(SPACE);
        Map<String, Object> tooDeep = Map.of("learning_rate", 1e-4, "depth", 9, "optimizer", "adam", "augment", true);
        assertThrows(IllegalArgumentException.class,
                () -> r.put(new Trial(0, tooDeep, List.of(), 0.5, Status.COMPLETED, "")));
        Map<String, Object> missing = Map.of("learning_rate", 1e-4, "depth", 3, "optimizer", "adam");
        assertThrows(IllegalArgumentException.class,
                () -> r.put(new Trial(0, missing, List.of(), 0.5, Status.COMPLETED, "")));
    }

    @Test
    void rewritingLeavesOnlyTheTwoFiles() throws IOException {
        SearchRecord r = record();
        r.write(dir.resolve("search.csv"), dir.resolve("search.json"));
        r.write(dir.resolve("search.csv"), dir.resolve("search.json"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void aDamagedRecordIsReportedAsSuch() throws IOException {
        Path json = dir.resolve("search.json");
        Files.writeString(json, "{\"format\": \"fluffy.search-record/1\", \"trials\": [");
        var e = assertThrows(IOException.class, () -> SearchRecord.read(json, SPACE));
        assertTrue(e.getMessage().contains("search.json"), e.getMessage());
    }
}
