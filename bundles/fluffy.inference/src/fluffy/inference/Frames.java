package fluffy.inference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.image.Plane;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.prepare.Projection;

/**
 * The grey planes to predict from an opened image, one at a time: the input type chooses planes or
 * projections, the channel chooses the colour or fluorescence channel. Without a channel, RGB images are
 * averaged to grey (as training does) and other images use their first channel.
 *
 * @param channel 0-based, or -1 for the default
 */
public record Frames(ImageSource source, InputType type, int channel) {

    /** One output plane: its position in the output hyperstack and how it was made. */
    public record Frame(int z, int t, String description) {
    }

    public Frames {
        ImageInfo info = source.info(0);
        if (channel >= info.sizeC()) {
            throw new IllegalArgumentException(source.file().getFileName() + ": channel " + (channel + 1)
                    + " asked for, the image has " + info.sizeC() + " (" + info.describe() + ")");
        }
    }

    public ImageInfo info() {
        return source.info(0);
    }

    /** The output's z slices: the input's for {@link InputType#ALL}, else 1. */
    public int sizeZ() {
        return type == InputType.ALL ? info().sizeZ() : 1;
    }

    /** The output's time points. */
    public int sizeT() {
        return type == InputType.ALL || type == InputType.TIMESERIES ? info().sizeT() : 1;
    }

    /** Output planes in hyperstack order (z fastest). */
    public List<Frame> list() {
        List<Frame> frames = new ArrayList<>();
        boolean project = type == InputType.ZSTACK || type == InputType.TIMESERIES;
        for (int t = 0; t < sizeT(); t++) {
            for (int z = 0; z < sizeZ(); z++) {
                String what = project && info().sizeZ() > 1 ? "max projection of " + info().sizeZ() + " slices"
                        : "z " + (z + 1);
                frames.add(new Frame(z, t, what + (sizeT() > 1 ? ", t " + (t + 1) : "")));
            }
        }
        return frames;
    }

    /** The grey plane of one output frame. */
    public Plane read(Frame frame) throws IOException {
        boolean project = type == InputType.ZSTACK || type == InputType.TIMESERIES;
        if (!project || info().sizeZ() == 1) {
            return grey(frame.z(), frame.t());
        }
        Projection.Accumulator max = Projection.MAX.start(info().sizeX(), info().sizeY());
        for (int z = 0; z < info().sizeZ(); z++) {
            max.add(grey(z, frame.t()));
        }
        return max.result();
    }

    private Plane grey(int z, int t) throws IOException {
        ImageInfo info = info();
        if (channel >= 0 || !info.rgb()) {
            return source.readPlane(0, Math.max(0, channel), z, t);
        }
        float[] sum = new float[info.sizeX() * info.sizeY()];
        for (int c = 0; c < 3; c++) {
            float[] d = source.readPlane(0, c, z, t).data();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += d[i] / 3;
            }
        }
        return new Plane(info.sizeX(), info.sizeY(), sum);
    }
}
