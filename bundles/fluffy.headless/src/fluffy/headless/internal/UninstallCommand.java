package fluffy.headless.internal;

import java.util.List;
import java.util.Set;

import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;

/** {@code fluffy uninstall}: removes features that {@code fluffy install} installed. */
public final class UninstallCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy uninstall FEATURE...

                Removes extension features installed with 'fluffy install'. Bundles copied into
                dropins/ are removed by deleting them from there.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of());
        args.finish();
        List<String> units = InstallCommand.units(args.positional());
        int exit = P2Director.run(Installation.current(), List.of("-uninstallIU", String.join(",", units)));
        if (exit != 0) {
            context.err().printf("fluffy uninstall: the p2 director failed (exit %d); nothing was removed%n", exit);
            return ExitCodes.FAILED;
        }
        context.out().println("Removed " + String.join(", ", args.positional()) + " from the next start of Fluffy.");
        return ExitCodes.OK;
    }
}
