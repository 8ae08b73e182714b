package fluffy.headless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import fluffy.commands.platform.VersionCommand;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;

/** The command line over the real built-in commands plus two broken third-party ones. */
class CliTest {

    /** A contributed command whose run fails, as a buggy extension would. */
    public static final class FailingCommand implements Command {
        @Override
        public int run(CommandContext context, List<String> arguments) throws UsageException {
            if (arguments.contains("--bad")) {
                throw new UsageException("--bad is bad");
            }
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public String usage() {
            return "Usage: fluffy broken [--bad]";
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(List.of(
            new CommandEntry("version", "Print versions", "fluffy.headless", VersionCommand::new),
            new CommandEntry("broken", "Always fails", "org.example.broken", FailingCommand::new),
            new CommandEntry("unloadable", "Cannot load", "org.example.missing", () -> {
                throw new IllegalStateException("class org.example.Missing not found");
            })),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            false);

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndNamesThirdPartyBundles() {
        assertEquals(ExitCodes.OK, cli.run("--help"));
        assertTrue(out().contains("  version     Print versions\n"), out());
        assertTrue(out().contains("  broken      Always fails  [org.example.broken]"), out());
        assertTrue(out().contains("Exit codes:"), out());
    }

    @Test
    void noArgumentsIsAUsageErrorWithHelpOnStderr() {
        assertEquals(ExitCodes.USAGE, cli.run());
        assertTrue(err().contains("Commands:"), err());
    }

    @Test
    void unknownCommand() {
        assertEquals(ExitCodes.USAGE, cli.run("trian"));
        assertEquals("fluffy: unknown command 'trian'. Run 'fluffy --help' for the list of commands.\n", err());
    }

    @Test
    void commandHelpShowsSummaryAndUsage() {
        assertEquals(ExitCodes.OK, cli.run("help", "version"));
        assertTrue(out().startsWith("Print versions\n\nUsage: fluffy version"), out());
        assertEquals(ExitCodes.OK, cli.run("broken", "--help"));
        assertTrue(out().contains("Usage: fluffy broken [--bad]"), out());
    }

    @Test
    void versionRunsForReal() {
        assertEquals(ExitCodes.OK, cli.run("version", "--device", "cpu"));
        assertTrue(out().contains("ONNX Runtime: 1.29."), out());
        assertTrue(out().contains("device: CPU (requested)"), out());
    }

    @Test
    void badOptionIsAUsageErrorFollowedByTheUsage() {
        assertEquals(ExitCodes.USAGE, cli.run("version", "--device", "tpu"));
        assertTrue(err().startsWith("fluffy version: device must be auto, cpu, cuda or cuda:N"), err());
        assertTrue(err().contains("Usage: fluffy version"), err());
    }

    @Test
    void failingExtensionIsReportedWithItsBundle() {
        assertEquals(ExitCodes.FAILED, cli.run("broken"));
        assertTrue(err().startsWith("fluffy broken (from org.example.broken): disk on fire\n"), err());
        assertEquals(ExitCodes.USAGE, cli.run("broken", "--bad"));
    }

    @Test
    void extensionThatCannotBeLoadedFailsOnlyItself() {
        assertEquals(ExitCodes.FAILED, cli.run("unloadable"));
        assertTrue(err().contains("could not be loaded: class org.example.Missing not found"), err());
        assertEquals(ExitCodes.OK, cli.run("--help"), "the rest of the CLI still works");
    }
}
