package fluffy.io.prepare;

import java.util.List;

import fluffy.core.image.Plane;
import fluffy.io.PixelType;

/**
 * A 2D image ready to be written: one plane per channel, all of one size, samples in original scale.
 *
 * @param type the pixel type to store: uint8, uint16 or float32 (what ImageJ TIFFs hold)
 * @param rgb  whether the three channels are the red, green and blue of a colour image
 */
public record Image2D(List<Plane> channels, PixelType type, boolean rgb) {

    public Image2D {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one channel");
        }
        Plane first = channels.get(0);
        for (Plane p : channels) {
            if (p.width() != first.width() || p.height() != first.height()) {
                throw new IllegalArgumentException("channels of different sizes: " + first + " and " + p);
            }
        }
        if (type != PixelType.UINT8 && type != PixelType.UINT16 && type != PixelType.FLOAT32) {
            throw new IllegalArgumentException("images are stored as uint8, uint16 or float32, not " + type);
        }
        if (rgb && channels.size() != 3) {
            throw new IllegalArgumentException("an RGB image has 3 channels, got " + channels.size());
        }
    }

    public int width() {
        return channels.get(0).width();
    }

    public int height() {
        return channels.get(0).height();
    }

    /** For example {@code 512 x 512, C2 uint16}. */
    public String describe() {
        return width() + " x " + height() + ", " + (rgb ? "RGB" : "C" + channels.size()) + " " + type;
    }
}
