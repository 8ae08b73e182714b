package fluffy.headless;

import java.util.List;

/**
 * A batch command, contributed through the {@code fluffy.headless.commands} extension point and run as
 * {@code fluffy <name> [arguments]}. Implementations need a public no-argument constructor.
 */
public interface Command {

    /**
     * Runs the command.
     *
     * @param context   where to write output and messages
     * @param arguments the arguments after the command name
     * @return one of {@link ExitCodes}
     * @throws UsageException when the arguments are wrong; the caller prints the message and the usage
     * @throws Exception      any other failure; the caller prints its message and exits with
     *                        {@link ExitCodes#FAILED}
     */
    int run(CommandContext context, List<String> arguments) throws Exception;

    /** The synopsis and options, shown by {@code fluffy help <name>} and after a usage error. */
    String usage();
}
