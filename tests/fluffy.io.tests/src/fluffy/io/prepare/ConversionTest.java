package fluffy.io.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.io.ImageFormatException;
import fluffy.io.ImageFormats;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;
import fluffy.io.TestImages;

/** The 2D conversion on a C2 Z3 T3 hyperstack whose pixels say where they come from. */
class ConversionTest {

    @TempDir
    Path dir;

    private Path stack;

    @BeforeEach
    void writeStack() throws IOException {
        stack = TestImages.hyperstack(dir.resolve("stack.tif"), 8, 6, 2, 3, 3);
    }

    private Conversion.Result convert(PrepareOptions options) throws IOException {
        try (ImageSource source = ImageFormats.platform().open(stack)) {
            return Conversion.convert(source, options);
        }
    }

    @Test
    void aZStackNeedsAChoiceInsteadOfSilentlyLosingSlices() {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> convert(PrepareOptions.defaults()));
        assertEquals("stack.tif: it is a z-stack of 3 slices (8 x 6, C2 Z3 T3, uint16): choose --zstack "
                + "[--projection max|mean|sum] or --all-slices", e.getMessage());
    }

    @Test
    void maxProjectionOfTheMiddleFrameByDefault() throws IOException {
        Conversion.Result r = convert(PrepareOptions.defaults().withProjection(Projection.MAX));
        assertEquals(1, r.outputs().size());
        Image2D image = r.outputs().get(0).image();
        assertEquals(PixelType.UINT16, image.type());
        assertEquals(2, image.channels().size());
        // The brightest slice is the last (z = 2), in frame 1 of 0..2.
        assertEquals(TestImages.value(1, 2, 1, 3, 4), image.channels().get(1).get(3, 4));
        assertEquals("all 2 channels kept (choose one with --channel), frame 1 of 3 (the middle one; choose with --frame), "
                + "max projection of 3 slices", r.description());
    }

    @Test
    void meanAndSumAreStoredAsFloats() throws IOException {
        Image2D mean = convert(PrepareOptions.defaults().withProjection(Projection.MEAN).withFrame(2).withChannel(0))
                .outputs().get(0).image();
        assertEquals(PixelType.FLOAT32, mean.type());
        assertEquals(1, mean.channels().size());
        assertEquals(TestImages.value(0, 1, 2, 0, 0), mean.channels().get(0).get(0, 0), 1e-3);
        Image2D sum = convert(PrepareOptions.defaults().withProjection(Projection.SUM).withFrame(0).withChannel(1))
                .outputs().get(0).image();
        float expected = TestImages.value(1, 0, 0, 5, 5) + TestImages.value(1, 1, 0, 5, 5) + TestImages.value(1, 2, 0, 5, 5);
        assertEquals(expected, sum.channels().get(0).get(5, 5));
    }

    @Test
    void everySliceBecomesAnItemNumberedTimeMajor() throws IOException {
        Conversion.Result r = convert(PrepareOptions.defaults().withAllSlices().withChannel(1));
        assertEquals(9, r.outputs().size());
        Conversion.Output seventh = r.outputs().get(7);
        assertEquals("_7", seventh.suffix());
        // i = t * 3 + z: 7 is t = 2, z = 1.
        assertEquals(TestImages.value(1, 1, 2, 2, 2), seventh.image().channels().get(0).get(2, 2));
    }

    @Test
    void indicesBeyondTheImageAreRefusedWithTheRealCounts() {
        assertTrue(assertThrows(ImageFormatException.class, () -> convert(PrepareOptions.defaults().withProjection(Projection.MAX)
                .withFrame(3))).getMessage().endsWith("it has 3 time frame(s), so --frame 3 does not exist (indices count from 0)"));
        assertTrue(assertThrows(ImageFormatException.class, () -> convert(PrepareOptions.defaults().withAllSlices()
                .withChannel(2))).getMessage().contains("it has 2 channel(s), so --channel 2 does not exist"));
        assertTrue(assertThrows(ImageFormatException.class, () -> convert(PrepareOptions.defaults().withAllSlices()
                .withSeries(1))).getMessage().contains("it has 1 series, so --series 1 does not exist"));
    }

    @Test
    void twoDImagesPassThroughWhateverIsChosen() throws IOException {
        Path flat = TestImages.hyperstack(dir.resolve("flat.tif"), 5, 4, 1, 1, 1);
        try (ImageSource source = ImageFormats.platform().open(flat)) {
            Conversion.Result r = Conversion.convert(source, PrepareOptions.defaults().withAllSlices());
            assertEquals(List.of(""), r.outputs().stream().map(Conversion.Output::suffix).toList());
            assertEquals(TestImages.value(0, 0, 0, 4, 3), r.outputs().get(0).image().channels().get(0).get(4, 3));
        }
    }

    @Test
    void optionsThatExcludeEachOtherAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrepareOptions.defaults().withAllSlices().withFrame(1));
        assertThrows(IllegalArgumentException.class, () -> PrepareOptions.defaults().withProjection(Projection.SUM).withAllSlices());
        assertEquals(Projection.MEAN, Projection.parse(" Mean"));
        assertThrows(IllegalArgumentException.class, () -> Projection.parse("median"));
    }
}
