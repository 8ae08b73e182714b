package fluffy.io.rois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.PixelType;

class LabelMapFilesTest {

    @TempDir
    Path dir;

    @Test
    void uint16LabelMapsRoundTripUpToTheLastLabel() throws IOException {
        LabelMap map = new LabelMap(3, 2, new int[] {0, 1, 65_535, 2, 0, 300});
        Path file = dir.resolve("map.tif");
        LabelMapFiles.writeTiff(map, file);
        try (ImageSource source = ImageFormats.platform().open(file)) {
            ImageInfo info = source.info(0);
            assertEquals(PixelType.UINT16, info.pixelType());
        }
        assertEquals(map, LabelMapFiles.read(file));
    }

    @Test
    void moreThan65535ObjectsAreRefusedAndNothingIsWritten() throws IOException {
        LabelMap map = new LabelMap(2, 1, new int[] {1, 65_536});
        Path file = dir.resolve("map.tif");
        IOException e = assertThrows(IOException.class, () -> LabelMapFiles.writeTiff(map, file));
        assertTrue(e.getMessage().startsWith("map.tif: label 65536 does not fit a uint16 label map"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void objectMasksAreBinaryPngsNamedAfterTheirLabel() throws IOException {
        LabelMap map = new LabelMap(3, 2, new int[] {0, 1, 1, 3, 0, 3});
        assertEquals(2, LabelMapFiles.writeObjectMasks(map, dir));
        assertEquals(List.of("mask_1.png", "mask_3.png"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
        assertEquals(new LabelMap(3, 2, new int[] {0, 0, 0, 255, 0, 255}), LabelMapFiles.read(dir.resolve("mask_3.png")));
    }

    @Test
    void aLabelMapMustHoldWholeNonNegativeNumbers() throws IOException {
        Path file = dir.resolve("float.tif");
        fluffy.io.internal.imagej.TiffWriter.write(new fluffy.io.prepare.Image2D(
                List.of(new fluffy.core.image.Plane(2, 1, new float[] {0f, 1.5f})), PixelType.FLOAT32, false), file);
        IOException e = assertThrows(IOException.class, () -> LabelMapFiles.read(file));
        assertEquals("float.tif: value 1.5 at x=1, y=0 is not a label (whole numbers from 0 only)", e.getMessage());
    }
}
