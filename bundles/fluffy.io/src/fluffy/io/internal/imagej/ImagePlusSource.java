package fluffy.io.internal.imagej;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.image.Plane;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/** An image ImageJ has opened, seen as one series; RGB pixels become three channels. */
final class ImagePlusSource implements ImageSource {

    private final Path file;
    private final String formatName;
    private final ImagePlus image;
    private final OmeLayout ome;
    private final ImageInfo info;
    private final boolean signed16;

    ImagePlusSource(Path file, String formatName, ImagePlus image, OmeLayout ome) {
        this.file = file;
        this.formatName = formatName;
        this.image = image;
        this.ome = ome;
        this.signed16 = image.getBitDepth() == 16 && image.getCalibration().isSigned16Bit();
        this.info = describe();
    }

    private ImageInfo describe() {
        boolean rgb = image.getProcessor() instanceof ColorProcessor;
        int c = ome != null ? ome.sizeC() : image.getNChannels();
        int z = ome != null ? ome.sizeZ() : image.getNSlices();
        int t = ome != null ? ome.sizeT() : image.getNFrames();
        PixelType type = switch (image.getBitDepth()) {
            case 8, 24 -> PixelType.UINT8;
            case 16 -> signed16 ? PixelType.INT16 : PixelType.UINT16;
            default -> PixelType.FLOAT32;
        };
        List<String> names = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            if (rgb) {
                names.addAll(List.of("red", "green", "blue"));
            }
        }
        return new ImageInfo(image.getWidth(), image.getHeight(), rgb ? 3 * c : c, z, t, type, rgb, names);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String formatName() {
        return formatName;
    }

    @Override
    public int seriesCount() {
        return 1;
    }

    /** The OME-XML's physical sizes for an OME-TIFF, else ImageJ's calibration (when its unit is a length). */
    @Override
    public fluffy.io.PixelSize pixelSize(int series) {
        if (ome != null && ome.pixelSize().known()) {
            return ome.pixelSize();
        }
        ij.measure.Calibration c = image.getCalibration();
        if (!c.scaled()) {
            return fluffy.io.PixelSize.UNKNOWN;
        }
        return new fluffy.io.PixelSize(fluffy.io.PixelSize.micrometres(c.pixelWidth, c.getXUnit()),
                fluffy.io.PixelSize.micrometres(c.pixelHeight, c.getYUnit()),
                fluffy.io.PixelSize.micrometres(c.pixelDepth, c.getZUnit()));
    }

    @Override
    public ImageInfo info(int series) {
        if (series != 0) {
            throw new IndexOutOfBoundsException("series " + series + " of 1");
        }
        return info;
    }

    @Override
    public Plane readPlane(int series, int c, int z, int t) {
        checkIndex(series, c, z, t);
        int channel = info.rgb() ? c / 3 : c;
        int stackIndex = ome != null ? ome.index(channel, z, t) + 1 : image.getStackIndex(channel + 1, z + 1, t + 1);
        ImageProcessor ip = image.getStack().getProcessor(stackIndex);
        float[] data = new float[info.sizeX() * info.sizeY()];
        Object pixels = ip.getPixels();
        switch (pixels) {
            case byte[] b -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = b[i] & 0xff;
                }
            }
            case short[] s -> {
                int offset = signed16 ? -32768 : 0;
                for (int i = 0; i < data.length; i++) {
                    data[i] = (s[i] & 0xffff) + offset;
                }
            }
            case float[] f -> System.arraycopy(f, 0, data, 0, data.length);
            case int[] rgb -> {
                int shift = 16 - 8 * (c % 3);
                for (int i = 0; i < data.length; i++) {
                    data[i] = (rgb[i] >> shift) & 0xff;
                }
            }
            default -> throw new IllegalStateException("unexpected ImageJ pixel array " + pixels.getClass());
        }
        return new Plane(info.sizeX(), info.sizeY(), data);
    }

    @Override
    public void close() {
        image.flush();
    }
}
