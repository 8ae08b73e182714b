package fluffy.headless.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Equinox's p2 director on this installation, in a second JVM started the way the launcher starts
 * Fluffy. p2 changes the installation as one transaction: when it fails, nothing is half-installed.
 */
final class P2Director {

    private P2Director() {
    }

    /** Runs the director with these arguments; its output goes to ours. Returns its exit code. */
    static int run(Installation installation, List<String> directorArguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Djava.awt.headless=true", "-jar", installation.launcherJar().toString(),
                "-install", installation.home().toString(), "-nosplash",
                "-application", "org.eclipse.equinox.p2.director",
                "-profile", installation.profile()));
        command.addAll(directorArguments);
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    /** p2 names a feature's installable unit {@code <feature id>.feature.group}; unit ids pass as they are. */
    static String unitId(String featureOrUnit) {
        return featureOrUnit.endsWith(".feature.group") ? featureOrUnit : featureOrUnit + ".feature.group";
    }
}
