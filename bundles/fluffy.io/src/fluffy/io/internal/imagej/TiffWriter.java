package fluffy.io.internal.imagej;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import fluffy.core.image.Plane;
import fluffy.io.PixelType;
import fluffy.core.files.AtomicFiles;
import fluffy.io.prepare.Image2D;
import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * Writes 2D images as ImageJ TIFFs, the files Fiji opens for annotation: uint8 and uint16 as they are,
 * every other type as float32 (ImageJ has no other sample types), RGB as a colour TIFF and several
 * channels as a composite hyperstack. Written to a temporary file and moved into place.
 */
public final class TiffWriter {

    private TiffWriter() {
    }

    public static void write(Image2D image, Path target) throws IOException {
        ImagePlus imp = toImagePlus(image, target.getFileName().toString());
        AtomicFiles.write(target, tmp -> ImageJTiffs.save(imp, tmp, target, "image"));
    }

    static ImagePlus toImagePlus(Image2D image, String title) {
        int w = image.width();
        int h = image.height();
        List<Plane> channels = image.channels();
        if (image.rgb()) {
            ColorProcessor rgb = new ColorProcessor(w, h);
            byte[][] bytes = new byte[3][];
            for (int c = 0; c < 3; c++) {
                bytes[c] = (byte[]) processor(channels.get(c), PixelType.UINT8).getPixels();
            }
            rgb.setRGB(bytes[0], bytes[1], bytes[2]);
            return new ImagePlus(title, rgb);
        }
        ImageStack stack = new ImageStack(w, h);
        for (Plane p : channels) {
            stack.addSlice(processor(p, image.type()));
        }
        ImagePlus imp = new ImagePlus(title, stack);
        if (channels.size() > 1) {
            imp.setDimensions(channels.size(), 1, 1);
            return new CompositeImage(imp, CompositeImage.COMPOSITE);
        }
        return imp;
    }

    private static ImageProcessor processor(Plane plane, PixelType type) {
        float[] data = plane.data();
        int w = plane.width();
        int h = plane.height();
        switch (type) {
            case UINT8 -> {
                byte[] out = new byte[data.length];
                for (int i = 0; i < data.length; i++) {
                    out[i] = (byte) clamp(data[i], 255);
                }
                return new ByteProcessor(w, h, out);
            }
            case UINT16 -> {
                short[] out = new short[data.length];
                for (int i = 0; i < data.length; i++) {
                    out[i] = (short) clamp(data[i], 65535);
                }
                return new ShortProcessor(w, h, out, null);
            }
            default -> {
                return new FloatProcessor(w, h, data.clone());
            }
        }
    }

    private static int clamp(float v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }
}
