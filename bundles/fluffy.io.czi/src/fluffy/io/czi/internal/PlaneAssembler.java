package fluffy.io.czi.internal;

import java.util.List;

import fluffy.core.image.Plane;
import fluffy.io.ImageFormatException;
import fluffy.io.files.MemoryBudget;

/**
 * Draws the subblocks of one plane onto the scene's bounding box, in drawing order, and splits the
 * samples into one {@link Plane} per colour component (red, green, blue for BGR pixels; one plane for
 * grey). Pixels no subblock covers stay 0.
 */
final class PlaneAssembler {

    private PlaneAssembler() {
    }

    static Plane[] assemble(CziFile file, CziLayout.Scene scene, CziPixelType type, List<DirectoryEntry> tiles)
            throws ImageFormatException {
        int width = scene.width();
        int height = scene.height();
        int components = type.samplesPerPixel();
        MemoryBudget.check(file.path(), 4L * width * height * components,
                "a plane of " + width + " x " + height + (components > 1 ? " RGB" : "") + " pixels");
        float[][] planes = new float[components][width * height];
        for (DirectoryEntry tile : tiles) {
            byte[] pixels = Decoders.decode(file, tile, type, SubBlockReader.data(file, tile));
            draw(scene, type, tile, pixels, planes);
        }
        Plane[] result = new Plane[components];
        for (int component = 0; component < components; component++) {
            result[component] = new Plane(width, height, planes[component]);
        }
        return result;
    }

    private static void draw(CziLayout.Scene scene, CziPixelType type, DirectoryEntry tile, byte[] pixels, float[][] planes) {
        int tileWidth = tile.x().storedSize();
        int tileHeight = tile.y().storedSize();
        int left = (int) (tile.x().start() - scene.x());
        int top = (int) (tile.y().start() - scene.y());
        int samples = type.samplesPerPixel();
        for (int component = 0; component < planes.length; component++) {
            float[] plane = planes[component];
            int sample = type.sampleOf(component);
            for (int y = 0; y < tileHeight; y++) {
                int to = (top + y) * scene.width() + left;
                int from = y * tileWidth;
                for (int x = 0; x < tileWidth; x++) {
                    plane[to + x] = type.sample(pixels, (from + x) * samples + sample);
                }
            }
        }
    }
}
