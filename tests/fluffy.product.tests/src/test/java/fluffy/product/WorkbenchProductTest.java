package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the workbench from the unpacked product on the build's X display with a workspace of real nuclei
 * images open ({@code fluffy --open WS --select NAME}), waits for its window, takes a screenshot
 * (target/screenshots/workbench.png) and checks that the workspace reached the navigator (it is
 * remembered in the preferences) and that nothing was logged as an error.
 */
class WorkbenchProductTest {

    private static final Pattern WINDOW = Pattern.compile("\"Fluffy Workbench ?\": \\(.*\\)\\s+(\\d+)x(\\d+)\\+");

    @Test
    void theWorkbenchOpensItsWindowWithoutErrors(@TempDir Path dir) throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "no X display; the build starts Xvfb when Xvfb is installed");
        assumeTrue(onPath("xwininfo"), "xwininfo (Debian: x11-utils) is needed to see the window");
        ProductInstall product = ProductInstall.unpack(dir);
        Path log = dir.resolve("workbench.log");
        Path ws = workspace(dir.resolve("workspace"));
        String[] args = ws == null ? new String[0] : new String[] {"--open", ws.toString(), "--select", SELECT};
        Process workbench = product.builder(Map.of("FLUFFY_DEBUG", "1",
                "FLUFFY_WORKBENCH_DATA", dir.resolve("state").toString()), args)
                .redirectErrorStream(true) // -consoleLog writes the Equinox log to stdout
                .redirectOutput(log.toFile())
                .start();
        try {
            boolean shown = false;
            long end = System.currentTimeMillis() + 120_000;
            while (!shown && System.currentTimeMillis() < end && workbench.isAlive()) {
                Matcher m = WINDOW.matcher(exec("xwininfo", "-root", "-tree"));
                while (m.find()) {
                    shown |= Integer.parseInt(m.group(1)) > 800 && Integer.parseInt(m.group(2)) > 600;
                }
                Thread.sleep(500);
            }
            assertTrue(workbench.isAlive(), "the workbench process ended early");
            assertTrue(shown, "a large 'Fluffy Workbench' window appeared within 2 minutes");
            Thread.sleep(3000); // let the views finish painting
            if (onPath("import")) {
                Path shots = Files.createDirectories(Path.of(System.getProperty("fluffy.screenshots")));
                exec("import", "-window", "root", shots.resolve("workbench.png").toString());
            }
        } finally {
            workbench.destroy();
            if (!workbench.waitFor(30, TimeUnit.SECONDS)) {
                workbench.destroyForcibly();
            }
        }
        if (ws != null) {
            Path prefs = dir.resolve("state/.metadata/.plugins/org.eclipse.core.runtime/.settings/fluffy.ui.prefs");
            assertTrue(Files.isRegularFile(prefs) && Files.readString(prefs).contains(ws.getFileName().toString()),
                    "the workspace given with --open was opened and remembered: " + prefs);
        }
        String text = Files.readString(log);
        assertFalse(text.contains("Exception") || text.contains("Error:") || text.contains("!ENTRY"),
                "the workbench logged problems:\n" + text);
    }

    private static final String SELECT = "nuclei-1.tif";

    /** Raw/ with three of the shared nuclei images, or null when the shared data is absent. */
    private static Path workspace(Path ws) throws IOException {
        Path images = Path.of(System.getProperty("fluffy.shared.data", "../../../shared/data"), "dsb2018-fluo/images");
        if (!Files.isDirectory(images)) {
            return null;
        }
        Files.createDirectories(ws.resolve("Raw"));
        Files.createDirectories(ws.resolve("Labeling"));
        Files.createDirectories(ws.resolve("Processed/images"));
        Files.createDirectories(ws.resolve("Processed/masks"));
        try (var files = Files.list(images)) {
            var first = files.sorted().limit(3).toList();
            for (int i = 0; i < first.size(); i++) {
                Files.copy(first.get(i), ws.resolve("Raw/nuclei-" + (i + 1) + ".tif"));
            }
        }
        return ws;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
