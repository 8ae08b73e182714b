package fluffy.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.layout.FillLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.models.HyperparameterValues;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.HyperparameterSearch;
import fluffy.training.RunFolder;
import fluffy.training.TrainingSettings;
import fluffy.training.records.SearchRecord;
import fluffy.ui.widgets.SwtFixture;

/**
 * A search record as the training writes it (through its own SearchRecord), read back by the monitor: the
 * trials as points at their mean F1 and as table rows, a running trial included, and a new fold seen on
 * the next read.
 */
class SearchTrialsPanelTest {

    /** Every dimension at its default, depth as given. */
    private static Map<String, Object> point(List<fluffy.models.Hyperparameter> space, int depth) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        space.forEach(h -> p.put(h.name(), h.defaultValue()));
        p.put("depth", depth);
        return p;
    }

    @Test
    void trialsFromTheRunsSearchRecordBecomePointsAndRows(@TempDir Path dir) throws Exception {
        CategoricalUNet type = new CategoricalUNet();
        HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(), Map.of("depth", 3));
        TrainingSettings settings = TrainingSettings.defaults(SessionSettings.cpu()).withLearningRate(1e-3)
                .withBatchSize(4);
        List<fluffy.models.Hyperparameter> space = HyperparameterSearch.space(type, values, settings);
        SearchRecord record = new SearchRecord(space);
        Path run = Files.createDirectories(dir.resolve("Runs/searched"));
        Path csv = RunFolder.at(run).searchCsv();
        Path json = RunFolder.at(run).searchJson();
        record.put(new SearchRecord.Trial(1, point(space, 3), List.of(new SearchRecord.Fold(1, 0.6, 5, 2),
                new SearchRecord.Fold(2, 0.8, 5, 2)), 0.3, SearchRecord.Status.COMPLETED, ""));
        record.put(new SearchRecord.Trial(2, point(space, 4), List.of(new SearchRecord.Fold(1, 0.5, 5, 2)),
                Double.NaN, SearchRecord.Status.RUNNING, ""));
        record.write(csv, json);

        assertTrue(RunFolder.isRun(run), "a run still searching is a run");
        assertEquals("2 search trials, no epochs yet", RunFolder.at(run).snapshot().summary());
        List<SearchRecord.Trial> trials = RunFolder.at(run).snapshot().trials();
        assertEquals(2, trials.size());
        assertEquals(0.7, trials.get(0).meanScore(), 1e-9);
        assertEquals(2, trials.get(0).folds().size());
        assertEquals(3, trials.get(0).point().get("depth"), "typed by the space the record holds");
        assertEquals(1, trials.get(1).folds().size());

        try (SwtFixture swt = new SwtFixture(1200, 500)) {
            swt.shell.setLayout(new FillLayout());
            TrainingMonitorView view = new TrainingMonitorView(swt.shell, r -> { }, r -> { });
            swt.open();
            MonitoredRun past = MonitoredRun.past(RunFolder.at(run).snapshot());
            view.show(past);
            swt.flush();
            assertTrue(view.trialsPanel().control().isVisible(), "a search shows its trials");
            assertArrayEquals(new double[] {0.7, 0.5}, view.trialsPanel().points(), 1e-9);
            assertEquals(2, view.trialsPanel().table().getItemCount());
            assertEquals("0.700", view.trialsPanel().table().getItem(0).getText(2));
            assertTrue(view.trialsPanel().table().getItem(0).getText(4).contains("depth=3"),
                    view.trialsPanel().table().getItem(0).getText(4));
            assertTrue(view.headlineLabel().getText().startsWith("searched · not running · search trial 2"),
                    view.headlineLabel().getText());

            record.put(new SearchRecord.Trial(2, point(space, 4), List.of(new SearchRecord.Fold(1, 0.5,
                    5, 2), new SearchRecord.Fold(2, 0.7, 5, 2)), 0.4, SearchRecord.Status.COMPLETED, ""));
            record.write(csv, json);
            Files.setLastModifiedTime(json, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertTrue(past.refreshTrials(), "a rewritten record is read again");
            assertEquals(0.6, past.trials().get(1).meanScore(), 1e-9);
        }
    }
}
