package fluffy.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one series of an image: plane size, channel, z and time counts, and how samples are
 * stored. RGB samples count as channels: an RGB image has three, one per colour, in the order red,
 * green, blue, and a file with k RGB channels has 3k ({@link #rgb()} says the channels come in triples).
 *
 * @param channelNames one name per channel, empty strings where the file names none
 */
public record ImageInfo(int sizeX, int sizeY, int sizeC, int sizeZ, int sizeT, PixelType pixelType, boolean rgb,
        List<String> channelNames) {

    /** More samples than this in one plane cannot be held in a Java array. */
    public static final long MAX_PLANE_SAMPLES = Integer.MAX_VALUE - 8;

    public ImageInfo {
        if (sizeX <= 0 || sizeY <= 0 || sizeC <= 0 || sizeZ <= 0 || sizeT <= 0) {
            throw new IllegalArgumentException("image dimensions must be positive: X " + sizeX + ", Y " + sizeY
                    + ", C " + sizeC + ", Z " + sizeZ + ", T " + sizeT);
        }
        if ((long) sizeX * sizeY > MAX_PLANE_SAMPLES) {
            throw new IllegalArgumentException("a plane of " + sizeX + " x " + sizeY + " pixels is too large");
        }
        if (rgb && sizeC % 3 != 0) {
            throw new IllegalArgumentException("RGB images need a multiple of 3 channels, got " + sizeC);
        }
        List<String> names = new ArrayList<>(channelNames);
        while (names.size() < sizeC) {
            names.add("");
        }
        channelNames = List.copyOf(names.subList(0, sizeC));
    }

    /** A single grey or RGB plane series without names. */
    public static ImageInfo of(int sizeX, int sizeY, int sizeC, int sizeZ, int sizeT, PixelType type, boolean rgb) {
        return new ImageInfo(sizeX, sizeY, sizeC, sizeZ, sizeT, type, rgb, List.of());
    }

    /** Planes in this series: C x Z x T. */
    public long planeCount() {
        return (long) sizeC * sizeZ * sizeT;
    }

    /** Bytes the whole series takes in its stored pixel type. */
    public long storedBytes() {
        return planeCount() * sizeX * sizeY * pixelType.bytes();
    }

    /** Whether there is one z slice and one time point (channels may be several). */
    public boolean isSpatially2D() {
        return sizeZ == 1 && sizeT == 1;
    }

    /** For example {@code 924 x 624, C3 Z1 T1, uint8 RGB}. */
    public String describe() {
        return sizeX + " x " + sizeY + ", C" + sizeC + " Z" + sizeZ + " T" + sizeT + ", " + pixelType
                + (rgb ? " RGB" : "");
    }
}
