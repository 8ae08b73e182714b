package fluffy.io.czi.internal;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import fluffy.io.ImageFormatException;

/**
 * JPEG subblocks (compression 1) through javax.imageio: 8-bit grey, or colour returned in the BGR order
 * of uncompressed CZI pixels.
 */
final class JpegDecoder {

    private JpegDecoder() {
    }

    static byte[] decode(CziFile file, DirectoryEntry entry, CziPixelType type, byte[] data) throws ImageFormatException {
        if (type != CziPixelType.GRAY8 && type != CziPixelType.BGR24) {
            throw file.problem(entry.describe() + ": JPEG compression of " + CziPixelType.name(entry.pixelType())
                    + " pixels is not possible: damaged");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw file.problem(entry.describe() + ": this Java runtime has no JPEG decoder");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width != entry.x().storedSize() || height != entry.y().storedSize()) {
                throw file.problem(entry.describe() + ": its JPEG is " + width + " x " + height + " pixels, "
                        + entry.x().storedSize() + " x " + entry.y().storedSize() + " expected: damaged");
            }
            return samples(file, entry, type, reader.read(0).getRaster());
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(file.path(), entry.describe() + ": damaged JPEG data (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] samples(CziFile file, DirectoryEntry entry, CziPixelType type, Raster raster)
            throws ImageFormatException {
        int bands = raster.getNumBands();
        if (bands != type.samplesPerPixel()) {
            throw file.problem(entry.describe() + ": its JPEG has " + bands + " colour components, "
                    + type.samplesPerPixel() + " expected");
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height * bands];
        int[] row = new int[width];
        for (int band = 0; band < bands; band++) {
            int sample = type.sampleOf(band);
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, band, row);
                for (int x = 0; x < width; x++) {
                    out[(y * width + x) * bands + sample] = (byte) row[x];
                }
            }
        }
        return out;
    }
}
