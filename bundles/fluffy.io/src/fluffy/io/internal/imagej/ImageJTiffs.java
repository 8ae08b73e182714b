package fluffy.io.internal.imagej;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

/** Writing TIFFs with ImageJ, with its reason when it fails (ImageJ only prints it). */
public final class ImageJTiffs {

    private ImageJTiffs() {
    }

    /**
     * Saves {@code image} into {@code file} (a temporary file that becomes {@code target}).
     *
     * @throws IOException naming {@code target}, {@code what} it is and ImageJ's own words: they carry the
     *                     cause ("No space left on device", ...), which decides whether a batch can go on
     */
    public static void save(ImagePlus image, Path file, Path target, String what) throws IOException {
        String failure = QuietImageJ.saveAsTiff(image, file);
        if (failure != null) {
            throw new IOException(target + ": ImageJ could not write the " + what + ": " + failure);
        }
    }
}
