package fluffy.io.rois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.io.SharedData;

class MaskImportTest {

    @TempDir
    Path dir;

    @Test
    void fijiMasksAndLabelMapsMergeIntoOneLabelMap() throws IOException {
        LabelMapFiles.writeObjectMasks(new LabelMap(4, 2, new int[] {1, 1, 0, 0, 0, 0, 2, 2}), dir);
        Path labels = dir.resolve("more.tif");
        LabelMapFiles.writeTiff(new LabelMap(4, 2, new int[] {0, 0, 0, 7, 9, 0, 0, 0}), labels);
        Rasterization r = MaskImport.merge(List.of(dir.resolve("mask_1.png"), dir.resolve("mask_2.png"), labels), 4, 2);
        assertEquals(4, r.objects());
        assertEquals(new LabelMap(4, 2, new int[] {1, 1, 0, 3, 4, 0, 2, 2}), r.labels());
    }

    @Test
    void aMaskOfAnotherSizeIsNamed() throws IOException {
        LabelMapFiles.writeObjectMasks(new LabelMap(2, 2, new int[] {1, 0, 0, 0}), dir);
        IOException e = assertThrows(IOException.class, () -> MaskImport.merge(List.of(dir.resolve("mask_1.png")), 5, 5));
        assertEquals("mask_1.png: mask is 2 x 2 but the image is 5 x 5", e.getMessage());
    }

    @Test
    void anExistingDsb2018LabelMapImportsUnchanged() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.folder("dsb2018-fluo/masks"))) {
            Path file = files.sorted().findFirst().orElseThrow();
            LabelMap original = LabelMapFiles.read(file);
            Rasterization r = MaskImport.merge(List.of(file), original.width(), original.height());
            assertEquals(original.relabelled(), r.labels().relabelled());
            assertTrue(r.objects() > 0);
        }
    }
}
