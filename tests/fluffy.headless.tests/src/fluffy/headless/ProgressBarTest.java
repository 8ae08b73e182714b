package fluffy.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.SubMonitor;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String drive(boolean redraw) {
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), redraw);
        SubMonitor progress = SubMonitor.convert(bar, "files", 4);
        progress.subTask("a.tif");
        progress.worked(1);
        progress.subTask("b.tif");
        progress.worked(3);
        bar.done();
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void inALogEveryStepIsALine() {
        assertEquals("""
                [--------------------]    0%  a.tif
                [#####---------------]   25%  b.tif
                [####################]  100%  done
                """, drive(false));
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        assertEquals("\r[--------------------]    0%  a.tif\r[#####---------------]   25%  b.tif"
                + "\r[####################]  100%  done \n", drive(true), "padded over the longer line before");
    }
}
