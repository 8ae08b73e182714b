package fluffy.commands.training;

import java.util.List;

import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;
import fluffy.models.Hyperparameter;
import fluffy.models.ModelType;
import fluffy.models.ModelTypeEntry;
import fluffy.models.ModelTypes;

/**
 * {@code fluffy models}: every installed model type with its hyperparameters, ranges and defaults. Each
 * type is instantiated, so a broken contribution shows up here with its bundle's name.
 */
public final class ModelsCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy models

                Lists the installed model types (built in and from extension bundles) with their
                hyperparameters. Exits with 1 when a contributed type cannot be loaded.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        Arguments.expectNone(arguments);
        int exit = ExitCodes.OK;
        for (ModelTypeEntry entry : ModelTypes.all()) {
            context.out().printf("%s  %s  (bundle %s)%n    %s%n", entry.id(), entry.name(), entry.contributor(),
                    entry.description());
            try {
                ModelType type = entry.create();
                for (Hyperparameter h : type.hyperparameters()) {
                    context.out().printf("    --%-18s %s; default %s. %s%n", h.name(), h.describeRange(),
                            h.defaultValue(), h.description());
                }
            } catch (IllegalStateException e) {
                context.err().println("fluffy models: " + e.getMessage());
                exit = ExitCodes.FAILED;
            }
        }
        for (String problem : ModelTypes.problems()) {
            context.err().println("fluffy models: " + problem);
        }
        return exit;
    }
}
