package fluffy.io.rois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.io.SharedData;
import ij.gui.OvalRoi;
import ij.gui.Roi;

/** Reading Fiji ROI sets, real ones and hostile ones. Nothing is ever extracted to disk. */
class RoiSetReaderTest {

    @TempDir
    Path dir;

    @Test
    void entriesWithAbsolutePathsOrParentReferencesAreIgnoredAndNothingIsWritten() throws IOException {
        Path work = Files.createDirectories(dir.resolve("workspace/Labeling/a"));
        byte[] roi = Rois.bytes(new Roi(2, 2, 5, 5));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("good.roi", roi);
        entries.put("/tmp/evil.roi", roi);
        entries.put("../../evil.roi", roi);
        entries.put("sub/../../evil.roi", roi);
        entries.put("C:\\Windows\\evil.roi", roi);
        Path zip = Rois.zip(work.resolve("RoiSet.zip"), entries);
        RoiSet set = RoiSetReader.read(zip);
        assertEquals(List.of("good.roi"), set.rois().stream().map(RoiSet.Entry::name).toList());
        assertEquals(4, set.skipped().size());
        assertTrue(set.skipped().stream().allMatch(s -> s.reason().startsWith("unsafe entry name")), set.skipped().toString());
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(zip), all.filter(Files::isRegularFile).toList(), "nothing extracted anywhere");
        }
    }

    @Test
    void oversizedEntriesAreRefusedWithoutInflatingThemWhole() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("bomb.roi", new byte[RoiSetReader.MAX_ENTRY_BYTES + 1024]);
        entries.put("ok.roi", Rois.bytes(new OvalRoi(1, 1, 4, 4)));
        RoiSet set = RoiSetReader.read(Rois.zip(dir.resolve("RoiSet.zip"), entries));
        assertEquals(1, set.rois().size());
        assertEquals("bomb.roi: larger than 16 MiB uncompressed; ignored (zip bomb guard)", set.skipped().get(0).toString());
    }

    @Test
    void damagedEntriesAndOtherFilesAreSkippedWithAReason() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "hello".getBytes());
        entries.put("garbage.roi", new byte[200]);
        byte[] cut = Rois.bytes(new Roi(1, 1, 3, 3));
        entries.put("cut.roi", java.util.Arrays.copyOf(cut, 20));
        RoiSet set = RoiSetReader.read(Rois.zip(dir.resolve("RoiSet.zip"), entries));
        assertEquals(0, set.rois().size());
        assertEquals(List.of("readme.txt: not a .roi entry; ignored", "garbage.roi: not a valid ImageJ ROI; ignored",
                "cut.roi: not a valid ImageJ ROI; ignored"), set.skipped().stream().map(Skipped::toString).toList());
    }

    @Test
    void aFileThatIsNoZipIsNamed() throws IOException {
        Path fake = Files.writeString(dir.resolve("RoiSet.zip"), "not a zip at all");
        IOException e = assertThrows(IOException.class, () -> RoiSetReader.read(fake));
        assertTrue(e.getMessage().startsWith("RoiSet.zip: not a valid zip file"), e.getMessage());
    }

    @Test
    void realFijiSetsAreReadCompletely() throws IOException {
        Path cryo = SharedData.folder("roisets/cryonuseg");
        assertEquals(59, RoiSetReader.read(cryo.resolve("TCGA-DE-A4MA/RoiSet.zip")).rois().size());
        assertEquals(117, RoiSetReader.read(cryo.resolve("TCGA-S4-A8RO/RoiSet.zip")).rois().size());
        RoiSet lattice = RoiSetReader.read(SharedData.file("roisets/napari-lattice", "RoiSet_napari_lattice.zip"));
        assertEquals(10, lattice.rois().size());
        assertTrue(lattice.skipped().isEmpty());
        RoiSet synthetic = RoiSetReader.read(SharedData.file("tiff-variants", "synthetic_RoiSet.zip"));
        assertEquals(12, synthetic.rois().size());
    }
}
