package fluffy.headless;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line arguments in the GNU style: {@code --name value}, {@code --name=value}, flags without a
 * value, positional arguments, and {@code --} to end the options. A command asks for what it knows and
 * then calls {@link #finish()}, which rejects every option it did not ask for, so a misspelt option is
 * an error and never silently ignored.
 */
public final class Arguments {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> asked = new HashSet<>();

    private Arguments() {
    }

    /**
     * @param flagNames options that take no value (without the leading dashes); every other option
     *                  takes one
     */
    public static Arguments parse(List<String> arguments, Set<String> flagNames) throws UsageException {
        Arguments parsed = new Arguments();
        boolean optionsEnded = false;
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (optionsEnded || !arg.startsWith("--") || arg.equals("--")) {
                if (arg.equals("--") && !optionsEnded) {
                    optionsEnded = true;
                } else {
                    parsed.positional.add(arg);
                }
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagNames.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                parsed.flags.add(name);
                continue;
            }
            if (value == null) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = arguments.get(++i);
            }
            if (parsed.values.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
        return parsed;
    }

    /** For commands without options or arguments: rejects anything given. */
    public static void expectNone(List<String> arguments) throws UsageException {
        Arguments args = parse(arguments, Set.of());
        args.finish();
        args.noPositional();
    }

    /** Rejects positional arguments, for commands that take only options. */
    public void noPositional() throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument: " + positional.get(0));
        }
    }

    public Optional<String> value(String name) {
        asked.add(name);
        return Optional.ofNullable(values.get(name));
    }

    public String require(String name) throws UsageException {
        return value(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
    }

    public boolean flag(String name) {
        asked.add(name);
        return flags.contains(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Rejects options that the command never asked for. */
    public void finish() throws UsageException {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.addAll(flags);
        unknown.removeAll(asked);
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown option" + (unknown.size() > 1 ? "s" : "") + ": --"
                    + String.join(", --", unknown));
        }
    }
}
