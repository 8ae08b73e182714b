package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One unpacked copy of the built product archive, and a way to run its launcher script. */
final class ProductInstall {

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    final Path home;

    private ProductInstall(Path home) {
        this.home = home;
    }

    /** Unpacks the archive that releng built into {@code dir}, as a user would. */
    static ProductInstall unpack(Path dir) throws IOException, InterruptedException {
        Path archive = only(Path.of(System.getProperty("fluffy.product.archives")), "fluffy-*-linux.gtk.x86_64.tar.gz");
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        assertEquals(0, tar.waitFor(), "tar failed: " + output);
        Path home = dir.resolve("fluffy");
        assertTrue(Files.isExecutable(home.resolve("fluffy")), "the launcher script is executable");
        return new ProductInstall(home);
    }

    /** The single file in {@code dir} matching {@code glob}. */
    static Path only(Path dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            files.forEach(found::add);
        }
        assertEquals(1, found.size(), "exactly one " + glob + " in " + dir + ": " + found);
        return found.get(0);
    }

    /** Runs {@code fluffy args...} and waits for it. */
    Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process process = start(env, args);
        // Read both streams fully on their own threads so a chatty process cannot block on a full pipe.
        var out = readAsync(process.getInputStream());
        var err = readAsync(process.getErrorStream());
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("fluffy " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    Process start(Map<String, String> env, String... args) throws IOException {
        return builder(env, args).start();
    }

    /** A process builder for {@code fluffy args...}, with a clean device setting plus {@code env}. */
    ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("fluffy").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().remove("FLUFFY_DEVICE");
        builder.environment().putAll(env);
        return builder;
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes());
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }
}
