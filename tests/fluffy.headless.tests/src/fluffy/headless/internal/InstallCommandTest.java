package fluffy.headless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.headless.UsageException;

/** Argument handling of install; the installation itself is exercised by the product tests. */
class InstallCommandTest {

    @Test
    void featuresBecomeTheirP2Units() throws UsageException {
        assertEquals(List.of("org.example.x.feature.feature.group", "org.example.y.feature.group"),
                InstallCommand.units(List.of("org.example.x.feature", "org.example.y.feature.group")));
        assertThrows(UsageException.class, () -> InstallCommand.units(List.of()));
    }

    @Test
    void repositoryFolderZipOrUri(@TempDir Path dir) throws UsageException, IOException {
        assertEquals(dir.toUri().toString(), InstallCommand.repositoryUri(dir.toString()));
        Path zip = Files.writeString(dir.resolve("repo.zip"), "");
        assertEquals("jar:" + zip.toUri() + "!/", InstallCommand.repositoryUri(zip.toString()));
        assertEquals("https://example.org/p2", InstallCommand.repositoryUri("https://example.org/p2"));
        UsageException e = assertThrows(UsageException.class,
                () -> InstallCommand.repositoryUri(dir.resolve("missing").toString()));
        assertTrue(e.getMessage().startsWith("repository not found: "), e.getMessage());
    }
}
