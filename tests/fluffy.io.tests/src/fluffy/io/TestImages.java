package fluffy.io;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/** Tiny images written with ImageJ for the tests. Pixel value of plane (c, z, t) at (x, y) is {@link #value}. */
public final class TestImages {

    private TestImages() {
    }

    /** A value that tells plane and position apart. */
    public static int value(int c, int z, int t, int x, int y) {
        return 1000 * t + 100 * z + 10 * c + (x + y) % 10;
    }

    /** A uint16 ImageJ hyperstack TIFF of the given dimensions. */
    public static Path hyperstack(Path file, int w, int h, int sizeC, int sizeZ, int sizeT) throws IOException {
        ImageStack stack = new ImageStack(w, h);
        for (int t = 0; t < sizeT; t++) {
            for (int z = 0; z < sizeZ; z++) {
                for (int c = 0; c < sizeC; c++) {
                    ShortProcessor ip = new ShortProcessor(w, h);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            ip.set(x, y, value(c, z, t, x, y));
                        }
                    }
                    stack.addSlice(ip);
                }
            }
        }
        ImagePlus imp = new ImagePlus(file.getFileName().toString(), stack);
        imp.setDimensions(sizeC, sizeZ, sizeT);
        imp.setOpenAsHyperStack(sizeC * sizeZ * sizeT > 1);
        boolean ok = stack.getSize() > 1 ? new FileSaver(imp).saveAsTiffStack(file.toString())
                : new FileSaver(imp).saveAsTiff(file.toString());
        if (!ok) {
            throw new IOException("could not write " + file);
        }
        return file;
    }
}
