package fluffy.headless.internal;

import java.util.function.Supplier;

import fluffy.headless.Command;

/**
 * A command as declared: its name and summary are known without loading its class.
 *
 * @param contributor the bundle that declared it
 * @param factory     creates the command; may throw when the contribution is broken
 */
record CommandEntry(String name, String summary, String contributor, Supplier<Command> factory) {
}
