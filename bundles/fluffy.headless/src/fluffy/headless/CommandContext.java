package fluffy.headless;

import java.io.PrintStream;

/**
 * What a command writes to.
 *
 * @param out results, meant to be read or piped by the user
 * @param err progress, warnings and errors
 */
public record CommandContext(PrintStream out, PrintStream err) {
}
