package fluffy.headless.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;

/**
 * The command line: finds the command, runs it, turns every outcome into an exit code and a message.
 * Plain Java with no OSGi in sight, so tests can run it directly. Contributed commands run inside a
 * catch-all that names the contributing bundle: a broken extension fails its own command only.
 */
final class Cli {

    private final List<CommandEntry> commands;
    private final CommandContext context;
    private final boolean debug;

    Cli(List<CommandEntry> commands, PrintStream out, PrintStream err, boolean debug) {
        this.commands = List.copyOf(commands);
        this.context = new CommandContext(out, err);
        this.debug = debug;
    }

    int run(String... arguments) {
        List<String> args = List.of(arguments);
        if (args.isEmpty()) {
            printHelp(context.err());
            return ExitCodes.USAGE;
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (name) {
            case "--help", "-h", "help" -> {
                if (rest.isEmpty()) {
                    printHelp(context.out());
                    return ExitCodes.OK;
                }
                return runHelpFor(rest.get(0));
            }
            case "--version" -> name = "version";
            default -> { }
        }
        Optional<CommandEntry> entry = find(name);
        if (entry.isEmpty()) {
            context.err().printf("fluffy: unknown command '%s'. Run 'fluffy --help' for the list of commands.%n", name);
            return ExitCodes.USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            return runHelpFor(name);
        }
        return execute(entry.get(), rest);
    }

    private int execute(CommandEntry entry, List<String> args) {
        String label = label(entry);
        Command command;
        try {
            command = entry.factory().get();
        } catch (RuntimeException | LinkageError e) {
            context.err().printf("%s: the command could not be loaded: %s%n", label, describe(e));
            printTrace(e);
            return ExitCodes.FAILED;
        }
        try {
            return command.run(context, args);
        } catch (UsageException e) {
            context.err().printf("%s: %s%n%n%s%n", label, e.getMessage(), command.usage().strip());
            return ExitCodes.USAGE;
        } catch (Exception | LinkageError e) {
            context.err().printf("%s: %s%n", label, describe(e));
            printTrace(e);
            return ExitCodes.FAILED;
        } catch (OutOfMemoryError e) {
            // Uncaught, it left the application with exit code 0 and the message only in Equinox's log.
            context.err().printf("%s: out of memory (%s; the Java heap may grow to %d MB): give it more with "
                    + "FLUFFY_JAVA_OPTS=-Xmx<size>, e.g. -Xmx8g%n", label, describe(e),
                    Runtime.getRuntime().maxMemory() >> 20);
            printTrace(e);
            return ExitCodes.FAILED;
        }
    }

    private int runHelpFor(String name) {
        Optional<CommandEntry> entry = find(name);
        if (entry.isEmpty()) {
            context.err().printf("fluffy: unknown command '%s'. Run 'fluffy --help' for the list of commands.%n", name);
            return ExitCodes.USAGE;
        }
        try {
            Command command = entry.get().factory().get();
            context.out().printf("%s%n%n%s%n", entry.get().summary(), command.usage().strip());
            return ExitCodes.OK;
        } catch (RuntimeException | LinkageError e) {
            context.err().printf("%s: the command could not be loaded: %s%n", label(entry.get()), describe(e));
            return ExitCodes.FAILED;
        }
    }

    private Optional<CommandEntry> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** "fluffy name", plus the bundle for commands that are not Fluffy's own. */
    private static String label(CommandEntry entry) {
        return entry.contributor().startsWith("fluffy.")
                ? "fluffy " + entry.name()
                : "fluffy " + entry.name() + " (from " + entry.contributor() + ")";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private void printTrace(Throwable e) {
        if (debug) {
            e.printStackTrace(context.err());
        } else {
            context.err().println("(set FLUFFY_DEBUG=1 for the stack trace)");
        }
    }

    private void printHelp(PrintStream to) {
        to.println("Fluffy Workbench: train and use deep-learning segmentation models on microscopy images.");
        to.println();
        to.println("Usage: fluffy                        open the workbench");
        to.println("       fluffy <command> [options]    run a command without a window");
        to.println("       fluffy help <command>         show a command's options");
        to.println();
        to.println("Commands:");
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (CommandEntry c : commands) {
            String origin = c.contributor().startsWith("fluffy.") ? "" : "  [" + c.contributor() + "]";
            to.printf("  %-" + width + "s  %s%s%n", c.name(), c.summary(), origin);
        }
        to.println();
        to.println("Exit codes: 0 success, 1 failure, 2 usage error, 3 some inputs failed (the others were");
        to.println("processed), 10 no Java 21+ found, 11 broken installation.");
    }
}
