package fluffy.app.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench was asked to open at start: {@code fluffy --open DIR [--open DIR] [--select NAME]}.
 * A DIR is a workspace or a training run folder; NAME is a row of the navigator to select. This is how a
 * user (or a test, since GTK's folder dialog does not take typed paths on a bare X server) opens data
 * without a dialog. Arguments that are not ours belong to Equinox and are left alone.
 */
public record StartupArguments(List<Path> open, String select) {

    public StartupArguments {
        open = List.copyOf(open);
    }

    /**
     * @throws IllegalArgumentException when {@code --open} or {@code --select} has no value
     */
    public static StartupArguments parse(String... args) {
        List<Path> open = new ArrayList<>();
        String select = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--open") || a.equals("--select")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String value = args[++i];
                if (a.equals("--open")) {
                    open.add(Path.of(value).toAbsolutePath().normalize());
                } else {
                    select = value;
                }
            }
        }
        return new StartupArguments(open, select);
    }
}
