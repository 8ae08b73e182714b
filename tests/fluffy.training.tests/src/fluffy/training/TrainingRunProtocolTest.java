package fluffy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.io.SyntheticPairs;
import fluffy.io.rois.LabelMapFiles;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.ProcessedFolder;
import fluffy.training.data.Split;
import fluffy.training.records.RunRecord;

/**
 * The honest protocol of a run: the epoch is chosen on validation, and the test split is read only after
 * the last epoch, scored once and recorded as test. One test image's mask is made unreadable as a tracer:
 * reading it is reported by name, so the report's place among the epochs shows when the test split was read.
 */
class TrainingRunProtocolTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.0));

    @Test
    void nothingBeforeTheLastEpochReadsTheTestSplitWhichIsScoredOnceAtTheEnd(@TempDir Path dir) throws Exception {
        Path data = tenSyntheticPairs(dir);
        TrainingSettings settings = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(2).withCrop(32)
                .withEpochs(3).withStepsPerEpoch(4).withSeed(5);
        Path runDir = dir.resolve("run");
        Split split = Split.of(ProcessedFolder.names(data), Split.Fractions.DEFAULT, settings.seed());
        assertEquals(List.of(7, 1, 2), List.of(split.train().size(), split.validation().size(), split.test().size()));
        String tracer = split.test().get(0);
        LabelMapFiles.writeTiff(LabelMap.empty(20, 20), data.resolve("masks/" + tracer));

        List<String> events = new CopyOnWriteArrayList<>();
        TrainingRun.Result result = new TrainingRun().run(new TrainingRun.Request(data, runDir, type, values, settings,
                Split.Fractions.DEFAULT, false, null), new NullProgressMonitor(), e -> events.add("epoch " + e.epoch()),
                events::add);

        assertEquals(split, Split.load(RunFolder.at(runDir).splitFolder()), "the split is saved with the run");
        int lastEpoch = events.indexOf("epoch 3");
        int traced = indexOfFirst(events, tracer + ":");
        assertTrue(lastEpoch >= 0 && traced > lastEpoch, "the test split is first read after the last epoch: " + events);
        assertEquals(1, events.stream().filter(e -> e.startsWith(tracer + ":")).count(), "and read once: " + events);

        assertEquals(1, result.test().images(), "the test image with a usable mask is scored");
        RunRecord record = RunFolder.at(runDir).record().orElseThrow();
        assertEquals(RunRecord.Status.COMPLETED, record.status());
        assertEquals(result.test().f1(), record.test().f1(), 1e-12);
        Map<String, String> summary = ModelPackage.read(RunFolder.at(runDir).model(), id -> type).training();
        assertEquals("7", summary.get("train_images"));
        assertEquals("1", summary.get("validation_images"));
        assertEquals("2", summary.get("test_images"));
        assertTrue(summary.containsKey("validation_object_f1_iou50") && summary.containsKey("test_object_f1_iou50"),
                summary.toString());
        assertFalse(summary.containsKey("validation_is_test"));
        assertTrue(RunFolder.at(runDir).snapshot().summary().contains(", test F1 "),
                RunFolder.at(runDir).snapshot().summary());
    }

    /**
     * A search whose final training is queued (for a SLURM job) stops when the search has ended, leaves the
     * folder unlocked and says so in run.json; the resume that the job runs trains at once, proposing nothing.
     */
    @Test
    void aQueuedFinalTrainingStopsAfterTheSearchAndItsResumeTrainsWithoutSearchingAgain(@TempDir Path dir)
            throws Exception {
        Path data = tenSyntheticPairs(dir);
        TrainingSettings settings = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(2).withCrop(32)
                .withEpochs(2).withStepsPerEpoch(2).withSeed(5);
        Path runDir = dir.resolve("run");
        TrainingRun.SearchPlan search = new TrainingRun.SearchPlan(new HyperparameterSearch.Plan(2, 2, 1),
                TrainingRun.SearchPlan.SILENT).queueingFinalTraining();
        List<String> log = new CopyOnWriteArrayList<>();
        TrainingRun.Result queued = new TrainingRun().run(new TrainingRun.Request(data, runDir, type, values, settings,
                Split.Fractions.DEFAULT, false, null, search), new NullProgressMonitor(), e -> { }, log::add);

        RunFolder run = RunFolder.at(runDir);
        assertTrue(queued.queued(), log.toString());
        assertEquals(null, queued.model());
        assertFalse(run.hasModel(), "no final training here");
        RunRecord record = run.record().orElseThrow();
        assertEquals(RunRecord.Status.QUEUED, record.status());
        assertEquals(RunRecord.Phase.TRAINING, record.phase());
        assertTrue(record.resumable() && run.snapshot().resumable(), "a queued run resumes");
        try (RunFolder.Lock free = run.lock()) {
            assertTrue(free != null, "the driver released the run for the job");
        }
        assertTrue(run.snapshot().summary().startsWith("queued"), run.snapshot().summary());
        String searched = Files.readString(run.searchJson());

        List<String> resumed = new CopyOnWriteArrayList<>();
        List<Integer> epochs = new CopyOnWriteArrayList<>();
        TrainingRun.Result trained = new TrainingRun().run(run.resumeRequest(SessionSettings.cpu(), 0),
                new NullProgressMonitor(), e -> epochs.add(e.epoch()), resumed::add);

        assertFalse(trained.queued());
        assertEquals(List.of(1, 2), epochs);
        assertTrue(run.hasModel());
        assertEquals(RunRecord.Status.COMPLETED, run.record().orElseThrow().status());
        assertTrue(resumed.contains("resuming the search after trial 2 of 2"), resumed.toString());
        assertTrue(resumed.stream().noneMatch(l -> l.matches("trial \\d+: .*")), "no trial trained again: " + resumed);
        assertEquals(searched.replaceAll("\\s", ""), Files.readString(run.searchJson()).replaceAll("\\s", ""),
                "the search record is as the search left it");
        Map<String, String> summary = ModelPackage.read(run.model(), id -> type).training();
        String best = log.stream().filter(l -> l.startsWith("search: best")).findFirst().orElseThrow();
        assertTrue(best.contains(String.format(java.util.Locale.ROOT, "lr %.2e", Double.parseDouble(
                summary.get("learning_rate")))), "trained with the search's choice: " + best + " vs " + summary);
    }

    private static Path tenSyntheticPairs(Path dir) throws java.io.IOException {
        Path data = dir.resolve("Processed");
        Files.createDirectories(data.resolve("images"));
        Files.createDirectories(data.resolve("masks"));
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(64, 48));
        for (int i = 0; i < 10; i++) {
            SyntheticPairs.write(generator.generate(i), data.resolve("images/img_" + i + ".tif"),
                    data.resolve("masks/img_" + i + ".tif"));
        }
        return data;
    }

    private static int indexOfFirst(List<String> events, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
