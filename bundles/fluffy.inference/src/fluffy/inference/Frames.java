package fluffy.inference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Plane;
import fluffy.io.ImageChannels;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.prepare.Projection;

/**
 * The planes to predict from an opened image, one frame at a time: the input type chooses planes or
 * projections, the channel selection the colour or fluorescence channels the model takes, in its order
 * ({@link ImageChannels}). By default RGB images are averaged to grey (as training does) and other images
 * use their first channel.
 */
public record Frames(ImageSource source, InputType type, ChannelSelection channels) {

    /** One output plane: its position in the output hyperstack and how it was made. */
    public record Frame(int z, int t, String description) {
    }

    public Frames {
        ImageChannels.check(source, channels);
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

    /** The planes of one output frame, one per channel the model takes. */
    public List<Plane> read(Frame frame) throws IOException {
        boolean project = type == InputType.ZSTACK || type == InputType.TIMESERIES;
        if (!project || info().sizeZ() == 1) {
            return ImageChannels.read(source, channels, frame.z(), frame.t());
        }
        List<Projection.Accumulator> max = new ArrayList<>();
        for (int z = 0; z < info().sizeZ(); z++) {
            List<Plane> planes = ImageChannels.read(source, channels, z, frame.t());
            for (int c = 0; c < planes.size(); c++) {
                if (max.size() <= c) {
                    max.add(Projection.MAX.start(info().sizeX(), info().sizeY()));
                }
                max.get(c).add(planes.get(c));
            }
        }
        return max.stream().map(Projection.Accumulator::result).toList();
    }
}
