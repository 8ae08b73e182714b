package fluffy.io.czi.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fluffy.io.ImageFormatException;
import fluffy.io.ImageInfo;
import fluffy.io.UnsupportedImageException;

/**
 * How the subblocks of a CZI file make up series and planes. Only full-resolution subblocks count
 * (downscaled pyramid levels are skipped). Each scene (S index) is a series; its planes are the
 * bounding box of all its tiles, which may start anywhere, even at negative positions. C, Z and T
 * sizes come from the index ranges in the directory and are shared by all scenes; a plane without
 * subblocks reads as zeros. Mosaic tiles (M index) are drawn in order of M, so a later tile wins where
 * tiles overlap. Other dimensions (B, V, H, R, I) are read at their first index only.
 */
final class CziLayout {

    /** More C, Z or T indices than this means a damaged directory. */
    static final int MAX_INDEX_RANGE = 1 << 24;

    private static final Set<String> HANDLED = Set.of("X", "Y", "C", "Z", "T", "S", "M");
    private static final Comparator<DirectoryEntry> DRAWING_ORDER = Comparator
            .<DirectoryEntry>comparingInt(e -> e.start("M", -1)).thenComparingInt(DirectoryEntry::index);

    /** One series: where its planes lie in the file's pixel coordinates and which subblocks fill them. */
    record Scene(int index, long x, long y, int width, int height, Map<PlaneIndex, List<DirectoryEntry>> tiles) {
    }

    /** A plane by its C, Z and T start values as the directory gives them. */
    record PlaneIndex(int c, int z, int t) {
    }

    private final CziPixelType pixelType;
    private final Range c;
    private final Range z;
    private final Range t;
    private final List<Scene> scenes;

    private record Range(int min, int size) {

        static Range of(List<DirectoryEntry> entries, String dimension) {
            int min = entries.stream().mapToInt(e -> e.start(dimension, 0)).min().orElse(0);
            long max = entries.stream().mapToInt(e -> e.start(dimension, 0)).max().orElse(0);
            return new Range(min, (int) Math.min(Integer.MAX_VALUE, max - min + 1));
        }
    }

    private CziLayout(CziPixelType pixelType, Range c, Range z, Range t, List<Scene> scenes) {
        this.pixelType = pixelType;
        this.c = c;
        this.z = z;
        this.t = t;
        this.scenes = List.copyOf(scenes);
    }

    static CziLayout of(CziFile file, List<DirectoryEntry> directory) throws ImageFormatException {
        List<DirectoryEntry> entries = firstOfOtherDimensions(
                directory.stream().filter(DirectoryEntry::fullResolution).toList());
        if (entries.isEmpty()) {
            throw file.problem("no full-resolution image subblocks in the directory (" + directory.size()
                    + " entries): empty or damaged");
        }
        CziPixelType type = pixelType(file, entries);
        for (DirectoryEntry entry : entries) {
            String why = entry.filePart() != 0
                    ? "multi-file CZI (subblocks in file part " + entry.filePart() + ") is not supported"
                    : Decoders.unsupported(entry.compression());
            if (why != null) {
                throw new UnsupportedImageException(file.path(), why);
            }
        }
        Range c = Range.of(entries, "C");
        Range z = Range.of(entries, "Z");
        Range t = Range.of(entries, "T");
        for (Range range : List.of(c, z, t)) {
            if (range.size() > MAX_INDEX_RANGE) {
                throw file.problem("the directory spans " + range.size() + " indices of C, Z or T (from "
                        + range.min() + "): damaged header or absurd dimensions");
            }
        }
        Map<Integer, List<DirectoryEntry>> byScene = new TreeMap<>();
        for (DirectoryEntry entry : entries) {
            byScene.computeIfAbsent(entry.start("S", 0), k -> new ArrayList<>()).add(entry);
        }
        List<Scene> scenes = new ArrayList<>();
        for (Map.Entry<Integer, List<DirectoryEntry>> scene : byScene.entrySet()) {
            scenes.add(scene(file, scene.getKey(), scene.getValue()));
        }
        return new CziLayout(type, c, z, t, scenes);
    }

    private static List<DirectoryEntry> firstOfOtherDimensions(List<DirectoryEntry> entries) {
        Map<String, Integer> first = new HashMap<>();
        for (DirectoryEntry entry : entries) {
            entry.dimensions().forEach((name, d) -> {
                if (!HANDLED.contains(name)) {
                    first.merge(name, d.start(), Math::min);
                }
            });
        }
        return entries.stream()
                .filter(e -> first.entrySet().stream().allMatch(f -> e.start(f.getKey(), f.getValue()) == f.getValue()))
                .toList();
    }

    private static CziPixelType pixelType(CziFile file, List<DirectoryEntry> entries) throws ImageFormatException {
        int code = entries.get(0).pixelType();
        for (DirectoryEntry entry : entries) {
            if (entry.pixelType() != code) {
                throw new UnsupportedImageException(file.path(), "subblocks of different pixel types ("
                        + CziPixelType.name(code) + " and " + CziPixelType.name(entry.pixelType()) + ") are not supported");
            }
        }
        CziPixelType type = CziPixelType.of(code);
        if (type == null) {
            throw new UnsupportedImageException(file.path(), CziPixelType.name(code)
                    + " CZI pixels are not supported (Gray8, Gray16, Gray32Float, Bgr24 and Bgr48 are)");
        }
        return type;
    }

    private static Scene scene(CziFile file, int index, List<DirectoryEntry> entries) throws ImageFormatException {
        long minX = Long.MAX_VALUE;
        long minY = Long.MAX_VALUE;
        long maxX = Long.MIN_VALUE;
        long maxY = Long.MIN_VALUE;
        Map<PlaneIndex, List<DirectoryEntry>> tiles = new HashMap<>();
        for (DirectoryEntry e : entries) {
            minX = Math.min(minX, e.x().start());
            minY = Math.min(minY, e.y().start());
            maxX = Math.max(maxX, (long) e.x().start() + e.x().size());
            maxY = Math.max(maxY, (long) e.y().start() + e.y().size());
            tiles.computeIfAbsent(new PlaneIndex(e.start("C", 0), e.start("Z", 0), e.start("T", 0)), k -> new ArrayList<>()).add(e);
        }
        long width = maxX - minX;
        long height = maxY - minY;
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE || width * height > ImageInfo.MAX_PLANE_SAMPLES) {
            throw file.problem("scene " + index + " would be a plane of " + width + " x " + height
                    + " pixels, more than one image can hold: damaged header or absurd dimensions");
        }
        tiles.values().forEach(list -> list.sort(DRAWING_ORDER));
        return new Scene(index, minX, minY, (int) width, (int) height, Map.copyOf(tiles));
    }

    CziPixelType pixelType() {
        return pixelType;
    }

    List<Scene> scenes() {
        return scenes;
    }

    /** The C index of the first channel. */
    int firstC() {
        return c.min();
    }

    int sizeC() {
        return c.size();
    }

    int sizeZ() {
        return z.size();
    }

    int sizeT() {
        return t.size();
    }

    /** The subblocks of one plane in drawing order; indices count from 0. */
    List<DirectoryEntry> tiles(int series, int channel, int slice, int frame) {
        return scenes.get(series).tiles().getOrDefault(new PlaneIndex(c.min() + channel, z.min() + slice, t.min() + frame), List.of());
    }
}
