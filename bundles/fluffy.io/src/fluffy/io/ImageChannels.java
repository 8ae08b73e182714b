package fluffy.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Plane;

/**
 * The planes a model takes from one position (z, t) of an image's first series: the selected channels in
 * their order, or for {@link ChannelSelection#DEFAULT} one grey plane (RGB averaged, else the first
 * channel). Training and prediction read their input here, so both see the same planes.
 */
public final class ImageChannels {

    private ImageChannels() {
    }

    /**
     * @throws IllegalArgumentException naming the file when a selected channel is not in it
     */
    public static void check(ImageSource source, ChannelSelection selection) {
        ImageInfo info = source.info(0);
        for (int c : selection.channels()) {
            if (c >= info.sizeC()) {
                throw new IllegalArgumentException(source.file().getFileName() + ": channel " + (c + 1)
                        + " asked for, the image has " + info.sizeC() + " (" + info.describe() + ")");
            }
        }
    }

    public static List<Plane> read(ImageSource source, ChannelSelection selection, int z, int t) throws IOException {
        check(source, selection);
        if (!selection.isDefault()) {
            List<Plane> planes = new ArrayList<>();
            for (int c : selection.channels()) {
                planes.add(source.readPlane(0, c, z, t));
            }
            return planes;
        }
        ImageInfo info = source.info(0);
        if (!info.rgb()) {
            return List.of(source.readPlane(0, 0, z, t));
        }
        float[] sum = new float[info.sizeX() * info.sizeY()];
        for (int c = 0; c < 3; c++) {
            float[] d = source.readPlane(0, c, z, t).data();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += d[i] / 3;
            }
        }
        return List.of(new Plane(info.sizeX(), info.sizeY(), sum));
    }
}
