package fluffy.io.internal.imagej;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.io.Opener;

/**
 * Calls ImageJ's opener without letting it talk: headless, ImageJ prints its error messages to standard
 * output, where they would mix with a command's results. They are captured instead and returned with
 * the image, so the caller can name the problem. ImageJ's opener is not thread-safe; calls are serialised.
 */
final class QuietImageJ {

    /** What ImageJ returned (null when it could not read the file) and what it said meanwhile. */
    record Result(ImagePlus image, String messages) {
    }

    private QuietImageJ() {
    }

    static synchronized Result open(Path file) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(sink);
            IJ.redirectErrorMessages(true);
            Opener opener = new Opener();
            opener.setSilentMode(true);
            ImagePlus image = opener.openImage(file.toAbsolutePath().toString());
            return new Result(image, captured.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setOut(original);
            IJ.redirectErrorMessages(false);
        }
    }

    /**
     * Saves with ImageJ's {@link ij.io.FileSaver} (a stack as a TIFF stack, with ImageJ's hyperstack
     * metadata, display ranges and LUTs), which reports a failed write only by printing it: what it printed
     * is returned, null when the file was written.
     */
    static synchronized String saveAsTiff(ImagePlus image, Path file) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(sink);
            IJ.redirectErrorMessages(true);
            ij.io.FileSaver saver = new ij.io.FileSaver(image);
            boolean ok = image.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString())
                    : saver.saveAsTiff(file.toString());
            String said = captured.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return ok ? null : said.isEmpty() ? "no reason given" : said;
        } finally {
            System.setOut(original);
            IJ.redirectErrorMessages(false);
        }
    }
}
