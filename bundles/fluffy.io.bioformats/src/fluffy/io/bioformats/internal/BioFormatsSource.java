package fluffy.io.bioformats.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.image.Plane;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;
import fluffy.io.files.MemoryBudget;

/**
 * A file opened by Bio-Formats. Bio-Formats counts RGB samples as channels, as {@link ImageInfo} does:
 * channel c is sample {@code c % rgb} of Bio-Formats' effective channel {@code c / rgb}.
 */
final class BioFormatsSource implements ImageSource {

    private final Path file;
    private final ReaderHandles api;
    private final Object reader;
    private final String format;
    private final List<ImageInfo> series;
    private final int[] rgbCounts;

    private BioFormatsSource(Path file, ReaderHandles api, Object reader) throws Throwable {
        this.file = file;
        this.api = api;
        this.reader = reader;
        this.format = (String) api.getFormat().invoke(reader);
        int count = (int) api.getSeriesCount().invoke(reader);
        this.series = new ArrayList<>();
        this.rgbCounts = new int[count];
        for (int s = 0; s < count; s++) {
            api.setSeries().invoke(reader, s);
            rgbCounts[s] = Math.max(1, (int) api.getRGBChannelCount().invoke(reader));
            series.add(describe(rgbCounts[s]));
        }
    }

    /** Opens the file; the caller closes the reader when this throws. */
    static BioFormatsSource open(Path file, ReaderHandles api, Object reader) throws Throwable {
        api.setId().invoke(reader, file.toAbsolutePath().toString());
        return new BioFormatsSource(file, api, reader);
    }

    private ImageInfo describe(int rgb) throws Throwable {
        int x = (int) api.getSizeX().invoke(reader);
        int y = (int) api.getSizeY().invoke(reader);
        PixelType type = Samples.type((int) api.getPixelType().invoke(reader));
        try {
            return new ImageInfo(x, y, (int) api.getSizeC().invoke(reader), (int) api.getSizeZ().invoke(reader),
                    (int) api.getSizeT().invoke(reader), type, rgb == 3, List.of());
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(file, "Bio-Formats reports an image Fluffy cannot hold: " + e.getMessage());
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String formatName() {
        return format + " (Bio-Formats)";
    }

    @Override
    public int seriesCount() {
        return series.size();
    }

    @Override
    public ImageInfo info(int s) {
        return series.get(s);
    }

    @Override
    public Plane readPlane(int s, int c, int z, int t) throws IOException {
        checkIndex(s, c, z, t);
        ImageInfo info = series.get(s);
        int rgb = rgbCounts[s];
        int pixels = info.sizeX() * info.sizeY();
        MemoryBudget.check(file, (long) pixels * (rgb * info.pixelType().bytes() + 4),
                "a plane of " + info.sizeX() + " x " + info.sizeY());
        try {
            api.setSeries().invoke(reader, s);
            int index = (int) api.getIndex().invoke(reader, z, c / rgb, t);
            byte[] bytes = (byte[]) api.openBytes().invoke(reader, index);
            float[] data = Samples.decode(bytes, info.pixelType(), pixels, rgb, c % rgb,
                    (boolean) api.isInterleaved().invoke(reader), (boolean) api.isLittleEndian().invoke(reader));
            return new Plane(info.sizeX(), info.sizeY(), data);
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw BioFormatsReader.failure(file, "reading plane c=" + c + " z=" + z + " t=" + t, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            api.close().invoke(reader);
        } catch (Throwable e) {
            throw BioFormatsReader.failure(file, "closing", e);
        }
    }
}
