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
 * Starts the workbench from the unpacked product on the build's X display, waits for its window,
 * takes a screenshot (target/screenshots/workbench.png) and checks that nothing was logged as an error.
 */
class WorkbenchProductTest {

    private static final Pattern WINDOW = Pattern.compile("\"Fluffy Workbench ?\": \\(.*\\)\\s+(\\d+)x(\\d+)\\+");

    @Test
    void theWorkbenchOpensItsWindowWithoutErrors(@TempDir Path dir) throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "no X display; the build starts Xvfb when Xvfb is installed");
        assumeTrue(onPath("xwininfo"), "xwininfo (Debian: x11-utils) is needed to see the window");
        ProductInstall product = ProductInstall.unpack(dir);
        Path log = dir.resolve("workbench.log");
        Process workbench = product.builder(Map.of("FLUFFY_DEBUG", "1",
                "FLUFFY_WORKBENCH_DATA", dir.resolve("state").toString()))
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
        String text = Files.readString(log);
        assertFalse(text.contains("Exception") || text.contains("Error:") || text.contains("!ENTRY"),
                "the workbench logged problems:\n" + text);
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
