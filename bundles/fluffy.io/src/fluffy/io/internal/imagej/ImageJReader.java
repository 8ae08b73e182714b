package fluffy.io.internal.imagej;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import fluffy.io.ContentSniffer;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageReader;
import fluffy.io.ImageSource;
import fluffy.io.UnsupportedImageException;
import fluffy.io.files.MemoryBudget;
import fluffy.io.internal.imagej.ImageJSniffer.Kind;
import ij.ImagePlus;

/**
 * Reads TIFF (8/16/32-bit, RGB, compressed, multi-page, ImageJ hyperstacks, single-series OME-TIFF),
 * MetaMorph STK, PNG, JPEG, GIF and BMP through ImageJ 1.x. What ImageJ cannot read (BigTIFF, tiled
 * TIFF, multi-series OME-TIFF) is refused as unsupported before ImageJ sees it, so that another reader
 * can take over, and sizes claimed by headers are checked before anything is decoded. ImageJ decodes the
 * whole file when it is opened; planes are converted to floats on request.
 */
public final class ImageJReader implements ImageReader {

    @Override
    public ImageSource open(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ContentSniffer.HEAD_BYTES);
        }
        Kind kind = ImageJSniffer.kind(head);
        if (kind == null) {
            throw new ImageFormatException(file, "not a TIFF, PNG, JPEG, GIF or BMP file");
        }
        OmeLayout ome = kind == Kind.TIFF ? checkTiff(file) : null;
        if (kind != Kind.TIFF) {
            checkClaimedSize(file, kind, HeaderSize.of(kind, head));
        }
        QuietImageJ.Result result = QuietImageJ.open(file);
        ImagePlus image = result.image();
        if (image == null || image.getStackSize() == 0) {
            String said = result.messages().isEmpty() ? "" : " (ImageJ: " + oneLine(result.messages()) + ")";
            throw new ImageFormatException(file, "ImageJ could not read it as " + formatName(file, kind)
                    + ": damaged or truncated" + said);
        }
        if (ome != null && ome.sizeC() * ome.sizeZ() * ome.sizeT() != image.getStackSize()) {
            ome = null;
        }
        return new ImagePlusSource(file, formatName(file, kind), image, ome);
    }

    private static OmeLayout checkTiff(Path file) throws IOException {
        TiffHeader tiff = TiffHeader.read(file);
        if (tiff.bigTiff()) {
            throw new UnsupportedImageException(file, "BigTIFF is not supported by the ImageJ reader");
        }
        if (tiff.tiled()) {
            throw new UnsupportedImageException(file, "tiled TIFF is not supported by the ImageJ reader");
        }
        OmeLayout ome = OmeLayout.parse(tiff.description());
        if (ome != null && ome.series() > 1) {
            throw new UnsupportedImageException(file, "OME-TIFF with " + ome.series()
                    + " series: the ImageJ reader reads single-series files only");
        }
        if (tiff.width() <= 0 || tiff.height() <= 0) {
            throw new ImageFormatException(file, "the TIFF header gives no image size");
        }
        long size = Files.size(file);
        if (tiff.compression() == 1 && tiff.pageBytes() > size) {
            throw new ImageFormatException(file, "the header claims " + tiff.width() + " x " + tiff.height()
                    + " pixels of " + tiff.bitsPerSample() + " bits, more than the " + size
                    + " bytes in the file: truncated or damaged");
        }
        if (tiff.dataEnd() > size) {
            throw new ImageFormatException(file, "the image data runs to byte " + tiff.dataEnd() + " but the file has "
                    + size + " bytes: truncated");
        }
        long total = tiff.pageBytes() > Long.MAX_VALUE / tiff.pages() ? -1 : tiff.pageBytes() * tiff.pages();
        MemoryBudget.check(file, total, tiff.pages() + " page(s) of " + tiff.width() + " x " + tiff.height() + " pixels");
        return ome;
    }

    private static void checkClaimedSize(Path file, Kind kind, long[] size) throws ImageFormatException {
        if (size == null) {
            return;
        }
        if (size[0] <= 0 || size[1] <= 0) {
            throw new ImageFormatException(file, "the " + kind + " header gives no image size: damaged");
        }
        MemoryBudget.check(file, size[0] * size[1] * 4 * 2, "an image of " + size[0] + " x " + size[1]);
    }

    private static String formatName(Path file, Kind kind) {
        boolean stk = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".stk");
        return (kind == Kind.TIFF && stk ? "MetaMorph STK" : kind.toString()) + " (ImageJ)";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
