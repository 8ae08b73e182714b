package fluffy.io.rois;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.io.SharedData;

/** Label map to RoiSet.zip and back gives the same label map: what Fiji reads is what was written. */
class LabelMapRoisTest {

    @TempDir
    Path dir;

    private LabelMap roundTrip(LabelMap map) throws IOException {
        Path zip = dir.resolve("RoiSet.zip");
        int written = LabelMapRois.write(map, zip);
        RoiSet set = RoiSetReader.read(zip);
        assertEquals(written, set.rois().size());
        assertEquals(0, set.skipped().size());
        return RoiRasterizer.rasterize(set, map.width(), map.height()).labels();
    }

    @Test
    void objectsWithHolesAndSeveralPartsSurvive() throws IOException {
        LabelMap map = LabelMap.empty(12, 10);
        for (int y = 1; y < 6; y++) {
            for (int x = 1; x < 6; x++) {
                map.set(x, y, x == 3 && y == 3 ? 0 : 1);
            }
        }
        map.set(8, 1, 2);
        map.set(10, 8, 2);
        map.set(11, 9, 3);
        assertEquals(map, roundTrip(map));
    }

    @Test
    void realLabelMapsFromDsb2018SurviveTheRoundTrip() throws IOException {
        Path masks = SharedData.folder("dsb2018-fluo/masks");
        try (Stream<Path> files = Files.list(masks)) {
            for (Path file : files.sorted().limit(5).toList()) {
                LabelMap original = LabelMapFiles.read(file).relabelled();
                LabelMap back = roundTrip(original);
                // Back comes numbered in zip order, which is label order; compare object by object.
                assertEquals(original.objectCount(), back.objectCount(), file.toString());
                assertEquals(original.relabelled(), back.relabelled(), file.toString());
            }
        }
    }
}
