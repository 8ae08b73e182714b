package fluffy.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.commands.training.TrainCommand;
import fluffy.headless.Arguments;
import fluffy.models.Hyperparameter;
import fluffy.models.ModelTypes;
import fluffy.runtime.Device;
import fluffy.training.HyperparameterSearch;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;

class TrainingPlanTest {

    @TempDir
    Path dir;

    private TrainingPlan plan() {
        return new TrainingPlan(dir, dir.resolve("Runs"), ModelTypes.require("unet.categorical"));
    }

    /** Fails when the Train dialog and {@code fluffy train} start from different values. */
    @Test
    void theDefaultsAreTheCommandLines() throws Exception {
        TrainingPlan plan = plan();
        plan.device = "cpu";
        plan.searchTrials = HyperparameterSearch.Plan.defaults().trials();
        TrainingRun.Request workbench = plan.toRequest();
        TrainingRun.Request cli = TrainCommand.request(Arguments.parse(List.of("--dir_in", dir.toString(),
                "--dir_out", dir.resolve("Runs").toString(), "--name", plan.runName, "--device", "cpu",
                "--use_defaults", "false"), Set.of("resume")), TrainingRun.SearchPlan.SILENT);
        assertEquals(cli.settings().withSession(null), workbench.settings().withSession(null));
        assertEquals(cli.search().plan(), workbench.search().plan());
        assertEquals(cli.hyperparameters(), workbench.hyperparameters());
        assertEquals(cli.type().id(), workbench.type().id());
        assertEquals(cli.split(), workbench.split());
        assertEquals(cli.runDir(), workbench.runDir());
        assertEquals(TrainingSettings.defaults(null), workbench.settings().withSession(null),
                "both are the one set of defaults");
    }

    @Test
    void theDialogsValuesMakeTheRequest() throws Exception {
        TrainingPlan plan = plan();
        assertTrue(plan.runName.startsWith("unet.categorical-"), plan.runName);
        assertEquals(plan.type().hyperparameters().size(), plan.hyperparameters().size());
        assertEquals(List.of(), plan.problems());
        plan.device = "cpu";
        plan.timeBudgetMinutes = 20;
        plan.learningRate = "1e-3";
        plan.setHyperparameter("depth", "3");
        TrainingRun.Request r = plan.toRequest();
        assertEquals(dir.resolve("Runs").resolve(plan.runName), r.runDir());
        assertEquals(3, r.hyperparameters().integer("depth"));
        assertEquals(Duration.ofMinutes(20), r.settings().timeBudget());
        assertEquals(1e-3, r.settings().learningRate());
        assertEquals(Device.CPU, r.settings().session().device().device());
        assertFalse(r.resume());
        assertEquals(null, r.search(), "no search unless trials are asked for");
        assertTrue(r.settings().channels().isDefault(), "one grey plane unless channels are given");
        plan.channels = "1,2";
        assertEquals("1,2", plan.toRequest().settings().channels().encode());
        plan.searchTrials = 6;
        plan.searchFolds = 4;
        plan.searchEpochs = 7;
        TrainingRun.SearchPlan search = plan.toRequest().search();
        assertEquals(new HyperparameterSearch.Plan(6, 4, 7), search.plan());
        plan.searchFolds = 1;
        assertEquals(List.of("A search needs at least 2 folds."), plan.problems());
    }

    @Test
    void problemsAreSaidInWords() throws Exception {
        TrainingPlan plan = plan();
        plan.runName = "my run";
        assertTrue(plan.problems().get(0).startsWith("The run name must be"), plan.problems().toString());
        plan.runName = "old";
        Files.createDirectories(dir.resolve("Runs/old"));
        assertTrue(plan.problems().get(0).startsWith("A run named old exists"), plan.problems().toString());
        plan.runName = "new";
        plan.setHyperparameter("depth", "99");
        assertTrue(plan.problems().get(0).startsWith("depth: 99 is not allowed"), plan.problems().toString());
        plan.setHyperparameter("depth", "3");
        plan.learningRate = "fast";
        assertEquals("The learning rate 'fast' is not a number.", plan.problems().get(0));
        plan.learningRate = "1e-3";
        plan.channels = "1,1";
        assertTrue(plan.problems().get(0).startsWith("Channels: channel list 1,1 names a channel twice"),
                plan.problems().toString());
        plan.channels = "";
        plan.device = "tpu";
        assertTrue(plan.problems().get(0).startsWith("device must be auto, cpu, cuda"), plan.problems().toString());
    }

    @Test
    void anotherTypeBringsItsOwnDefaults() {
        TrainingPlan plan = plan();
        plan.setType(ModelTypes.require("unet.binary"));
        assertTrue(plan.runName.startsWith("unet.binary-"));
        assertEquals(plan.type().hyperparameters().stream().map(Hyperparameter::name).toList(),
                List.copyOf(plan.hyperparameters().keySet()));
    }
}
