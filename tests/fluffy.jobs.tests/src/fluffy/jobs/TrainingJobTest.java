package fluffy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
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
import fluffy.training.EpochResult;
import fluffy.training.HyperparameterSearch;
import fluffy.training.RunFolder;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Split;
import fluffy.training.records.RunRecord;
import fluffy.training.records.SearchRecord;

/** Training as a real Eclipse Job on real TIFF pairs: cancel and resume, and bad pairs reported by name. */
class TrainingJobTest {

    private final CategoricalUNet type = new CategoricalUNet();
    private final HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
            Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.0));

    @Test
    void aCancelledRunResumesToAFinishedRun(@TempDir Path dir) throws Exception {
        Path data = processed(dir.resolve("Processed"), 6);
        TrainingRun.Request first = request(data, dir.resolve("run"), false);
        TrainingJob job = new TrainingJob(first, m -> { });
        List<EpochResult> epochs = new ArrayList<>();
        job.addListener(e -> {
            epochs.add(e);
            job.cancel();
        });
        job.schedule();
        job.join();
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertTrue(job.result().outcome().cancelled());
        assertTrue(Files.isRegularFile(dir.resolve("run/checkpoint.onnx")));
        assertTrue(Files.isRegularFile(dir.resolve("run/checkpoint.state.onnx")));

        TrainingJob resumed = new TrainingJob(request(data, dir.resolve("run"), true), m -> { });
        resumed.schedule();
        resumed.join();
        assertEquals(IStatus.OK, resumed.getResult().getSeverity(), resumed.getResult().toString());
        assertFalse(resumed.result().outcome().cancelled());
        assertEquals(3, resumed.result().outcome().completedEpochs());
        assertTrue(resumed.messages().stream().anyMatch(m -> m.startsWith("resuming from")), resumed.messages().toString());
        ModelPackage model = ModelPackage.read(dir.resolve("run/model.onnx"), id -> type);
        assertEquals("3", model.training().get("completed_epochs"));
        assertEquals(values, model.hyperparameters());
    }

    @Test
    void missingAndMismatchedMasksAreReportedByNameAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path data = processed(dir.resolve("Processed"), 6);
        Files.delete(data.resolve("masks/img_2.tif"));
        LabelMapFiles.writeTiff(LabelMap.empty(20, 20), data.resolve("masks/img_4.tif"));
        TrainingJob job = new TrainingJob(request(data, dir.resolve("run"), false), m -> { });
        job.schedule();
        job.join();
        assertEquals(IStatus.WARNING, job.getResult().getSeverity(), job.getResult().toString());
        List<String> problems = job.result().problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("img_2.tif") && p.contains("no mask")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("img_4.tif") && p.contains("20 x 20")), problems.toString());
        assertTrue(Files.isRegularFile(dir.resolve("run/model.onnx")));
    }

    @Test
    void aSmallSearchRecordsEveryTrialAndFoldThenTrainsTheBest(@TempDir Path dir) throws Exception {
        Path data = processed(dir.resolve("Processed"), 8);
        List<HyperparameterSearch.TrialResult> trials = new ArrayList<>();
        HyperparameterSearch.Listener listener = new HyperparameterSearch.Listener() {
            @Override
            public void foldFinished(HyperparameterSearch.FoldScore score) {
            }

            @Override
            public void trialFinished(HyperparameterSearch.TrialResult trial) {
                trials.add(trial);
            }
        };
        TrainingRun.Request base = request(data, dir.resolve("run"), false);
        TrainingRun.Request searching = new TrainingRun.Request(base.data(), base.runDir(), base.type(),
                base.hyperparameters(), base.settings(), base.split(), false, null,
                new TrainingRun.SearchPlan(new HyperparameterSearch.Plan(3, 2, 1), listener));
        TrainingJob job = new TrainingJob(searching, m -> { });
        job.schedule();
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        assertEquals(3, trials.size());
        assertEquals(base.hyperparameters().asMap().get("depth"), trials.get(0).point().get("depth"),
                "the given values are the first trial");
        String json = Files.readString(dir.resolve("run/search.json"));
        List<String> csv = Files.readAllLines(dir.resolve("run/search.csv"));
        assertTrue(csv.size() >= 1 + 3, csv.toString());
        for (int t = 1; t <= 3; t++) {
            final int trial = t;
            assertTrue(csv.stream().skip(1).anyMatch(line -> line.startsWith(trial + ",")), csv.toString());
        }
        assertTrue(json.contains("\"best_trial\""), json);
        assertTrue(Files.isRegularFile(dir.resolve("run/model.onnx")));
        assertTrue(Files.isRegularFile(dir.resolve("run/epochs.csv")));
    }

    /**
     * Cancelled in its second trial, a search run is a cancelled run (not a failure): its record says so, the
     * interrupted trial is recorded as cancelled (never as a score), and resuming from the folder alone runs
     * the search on from that trial, keeps the finished one, then trains the final model.
     */
    @Test
    void aSearchCancelledInATrialIsACancelledRunThatResumesFromItsFolder(@TempDir Path dir) throws Exception {
        Path data = processed(dir.resolve("Processed"), 8);
        Path runDir = dir.resolve("run");
        TrainingJob[] job = new TrainingJob[1];
        HyperparameterSearch.Listener cancelInTrial2 = new HyperparameterSearch.Listener() {
            @Override
            public void foldFinished(HyperparameterSearch.FoldScore score) {
                if (score.trial() == 2) {
                    job[0].cancel();
                }
            }

            @Override
            public void trialFinished(HyperparameterSearch.TrialResult trial) {
            }
        };
        TrainingRun.Request base = request(data, runDir, false);
        job[0] = new TrainingJob(new TrainingRun.Request(base.data(), runDir, base.type(), base.hyperparameters(),
                base.settings(), base.split(), false, null,
                new TrainingRun.SearchPlan(new HyperparameterSearch.Plan(3, 2, 1), cancelInTrial2)), m -> { });
        job[0].schedule();
        job[0].join();
        assertEquals(IStatus.CANCEL, job[0].getResult().getSeverity(), job[0].getResult().toString());
        assertTrue(job[0].result().outcome().cancelled());
        assertEquals(null, job[0].result().model(), "no model was trained");
        RunFolder folder = RunFolder.at(runDir);
        RunRecord record = folder.record().orElseThrow();
        assertEquals(RunRecord.Status.CANCELLED, record.status());
        assertEquals(RunRecord.Phase.SEARCH, record.phase());
        List<SearchRecord.Trial> trials = folder.search().orElseThrow().trials();
        assertEquals(List.of(SearchRecord.Status.COMPLETED, SearchRecord.Status.CANCELLED),
                trials.stream().map(SearchRecord.Trial::status).toList());
        assertTrue(Double.isNaN(trials.get(1).objective()), "a cancelled trial has no score");
        assertTrue(folder.snapshot().resumable(), "a search cancelled before any checkpoint can go on");
        assertTrue(folder.snapshot().summary().startsWith("cancelled in the search"), folder.snapshot().summary());
        double first = trials.get(0).objective();

        TrainingJob resumed = TrainingJob.resuming(runDir, 0, "cpu", 1);
        resumed.schedule();
        resumed.join();
        assertEquals(IStatus.OK, resumed.getResult().getSeverity(), resumed.getResult().toString());
        assertTrue(resumed.messages().contains("resuming the search after trial 1 of 3"), resumed.messages().toString());
        List<SearchRecord.Trial> after = folder.search().orElseThrow().trials();
        assertEquals(List.of(1, 2, 3), after.stream().map(SearchRecord.Trial::number).toList());
        assertTrue(after.stream().allMatch(t -> t.status() == SearchRecord.Status.COMPLETED
                || t.status() == SearchRecord.Status.STOPPED_EARLY), after.toString());
        assertEquals(first, after.get(0).objective(), "the finished trial is kept, not run again");
        assertEquals(trials.get(1).point(), after.get(1).point(), "the cancelled trial is run again with its point");
        assertEquals(RunRecord.Status.COMPLETED, folder.record().orElseThrow().status());
        assertTrue(folder.hasModel());
        assertEquals(3, folder.epochs().size());
    }

    private TrainingRun.Request request(Path data, Path run, boolean resume) {
        TrainingSettings settings = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(2).withCrop(32)
                .withEpochs(3).withStepsPerEpoch(4).withSeed(5);
        return new TrainingRun.Request(data, run, type, values, settings, Split.Fractions.DEFAULT, resume, null);
    }

    /** images/img_i.tif (16-bit) and masks/img_i.tif (label maps) from the synthetic generator. */
    private static Path processed(Path dir, int count) throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(64, 48));
        for (int i = 0; i < count; i++) {
            SyntheticPairs.write(generator.generate(i), dir.resolve("images/img_" + i + ".tif"),
                    dir.resolve("masks/img_" + i + ".tif"));
        }
        return dir;
    }
}
