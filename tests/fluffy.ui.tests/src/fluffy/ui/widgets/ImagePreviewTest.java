package fluffy.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class ImagePreviewTest {

    @Test
    void readsARealNucleiImage() throws IOException {
        Path images = SwtFixture.sharedData("dsb2018-fluo/images");
        assumeTrue(images != null, "../shared/data/dsb2018-fluo is absent in this checkout; skipped");
        Path first;
        try (Stream<Path> files = Files.list(images)) {
            first = files.sorted().findFirst().orElseThrow();
        }
        ImagePreview preview = ImagePreview.read(first);
        assertTrue(preview.data().width >= 256 && preview.data().height >= 256);
        assertTrue(preview.description().startsWith(first.getFileName() + "   " + preview.data().width + " × "),
                preview.description());
        assertTrue(preview.description().contains("8-bit"), preview.description());
    }

    @Test
    void aFileImageJCannotReadIsNamed(@TempDir Path dir) throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.tif"), "this is text");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImagePreview.read(fake));
        assertEquals("Cannot open " + fake + ": not an image ImageJ can read", e.getMessage());
    }
}
