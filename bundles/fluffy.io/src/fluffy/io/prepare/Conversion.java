package fluffy.io.prepare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.image.Plane;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;
import fluffy.io.files.MemoryBudget;

/**
 * Turns one opened image into the 2D images of {@link PrepareOptions}: picks the series, the channel and
 * the frame, projects or splits the z-stack. Refusals name the file and say which option would help.
 * Planes are read one at a time, so only the output is ever held in memory.
 */
public final class Conversion {

    /**
     * One 2D image to write.
     *
     * @param suffix appended to the item name: empty, or {@code _<i>} for {@code --all-slices}
     */
    public record Output(String suffix, Image2D image) {
    }

    /**
     * @param description what was done, e.g. {@code frame 1 of 3 (middle), max projection of 5 slices}
     */
    public record Result(List<Output> outputs, String description) {
    }

    private final ImageSource source;
    private final PrepareOptions options;
    private final int series;
    private final ImageInfo info;
    private final List<String> notes = new ArrayList<>();

    private Conversion(ImageSource source, PrepareOptions options) throws ImageFormatException {
        this.source = source;
        this.options = options;
        this.series = options.series().orElse(0);
        if (series >= source.seriesCount()) {
            throw refuse("it has " + source.seriesCount() + " series, so --series " + series + " does not exist"
                    + " (indices count from 0)");
        }
        this.info = source.info(series);
        if (source.seriesCount() > 1) {
            notes.add("series " + series + " of " + source.seriesCount()
                    + (options.series().isEmpty() ? " (choose with --series)" : ""));
        }
    }

    public static Result convert(ImageSource source, PrepareOptions options) throws IOException {
        return new Conversion(source, options).run();
    }

    private Result run() throws IOException {
        int[] channels = channels();
        boolean rgb = info.rgb() && channels.length == 3;
        MemoryBudget.check(source.file(), 8L * info.sizeX() * info.sizeY() * (channels.length + 1),
                "converting a plane of " + info.sizeX() + " x " + info.sizeY());
        List<Output> outputs = new ArrayList<>();
        if (info.isSpatially2D()) {
            if (options.frame().isPresent()) {
                frame();
            }
            outputs.add(new Output("", image(channels, 0, 0, null, rgb)));
        } else if (options.allSlices()) {
            notes.add("every slice: " + info.sizeZ() * info.sizeT() + " items (Z" + info.sizeZ() + " x T" + info.sizeT() + ")");
            for (int t = 0; t < info.sizeT(); t++) {
                for (int z = 0; z < info.sizeZ(); z++) {
                    outputs.add(new Output("_" + (t * info.sizeZ() + z), image(channels, z, t, null, rgb)));
                }
            }
        } else {
            int t = frame();
            Projection projection = options.projection().orElse(null);
            if (info.sizeZ() > 1 && projection == null) {
                throw refuse("it is a z-stack of " + info.sizeZ() + " slices (" + info.describe()
                        + "): choose --zstack [--projection max|mean|sum] or --all-slices");
            }
            if (info.sizeZ() > 1) {
                notes.add(projection + " projection of " + info.sizeZ() + " slices");
            }
            outputs.add(new Output("", image(channels, 0, t, info.sizeZ() > 1 ? projection : null, rgb)));
        }
        return new Result(outputs, String.join(", ", notes));
    }

    private int[] channels() throws ImageFormatException {
        if (options.channel().isEmpty()) {
            if (info.sizeC() > 1 && !info.rgb()) {
                notes.add("all " + info.sizeC() + " channels kept (choose one with --channel)");
            }
            int[] all = new int[info.sizeC()];
            for (int c = 0; c < all.length; c++) {
                all[c] = c;
            }
            return all;
        }
        int c = options.channel().getAsInt();
        if (c >= info.sizeC()) {
            throw refuse("it has " + info.sizeC() + " channel(s)" + (info.rgb() ? " (RGB counts as 3)" : "")
                    + ", so --channel " + c + " does not exist (indices count from 0)");
        }
        String name = info.channelNames().get(c);
        notes.add("channel " + c + " of " + info.sizeC() + (name.isEmpty() ? "" : " (" + name + ")"));
        return new int[] {c};
    }

    private int frame() throws ImageFormatException {
        int sizeT = info.sizeT();
        if (options.frame().isPresent()) {
            int t = options.frame().getAsInt();
            if (t >= sizeT) {
                throw refuse("it has " + sizeT + " time frame(s), so --frame " + t
                        + " does not exist (indices count from 0)");
            }
            if (sizeT > 1) {
                notes.add("frame " + t + " of " + sizeT);
            }
            return t;
        }
        int middle = sizeT / 2;
        if (sizeT > 1) {
            notes.add("frame " + middle + " of " + sizeT + " (the middle one; choose with --frame)");
        }
        return middle;
    }

    private Image2D image(int[] channels, int z, int t, Projection projection, boolean rgb) throws IOException {
        List<Plane> planes = new ArrayList<>();
        for (int c : channels) {
            if (projection == null) {
                planes.add(source.readPlane(series, c, z, t));
            } else {
                Projection.Accumulator sum = projection.start(info.sizeX(), info.sizeY());
                for (int slice = 0; slice < info.sizeZ(); slice++) {
                    sum.add(source.readPlane(series, c, slice, t));
                }
                planes.add(sum.result());
            }
        }
        boolean keepsType = projection == null || projection.keepsPixelType();
        PixelType type = keepsType ? stored(info.pixelType()) : PixelType.FLOAT32;
        return new Image2D(planes, type, rgb && type == PixelType.UINT8);
    }

    /** ImageJ TIFFs hold uint8, uint16 and float32 only; float32 keeps every other type's values best. */
    private static PixelType stored(PixelType type) {
        return type == PixelType.UINT8 || type == PixelType.UINT16 ? type : PixelType.FLOAT32;
    }

    private ImageFormatException refuse(String problem) {
        return new ImageFormatException(source.file(), problem);
    }
}
