package fluffy.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;

class RecentWorkspacesTest {

    private final RecentWorkspaces recent = new RecentWorkspaces(
            InstanceScope.INSTANCE.getNode("fluffy.ui.tests.recent." + System.nanoTime()));

    @Test
    void newestFirstWithoutDuplicatesAndAtMostEight() {
        recent.remember(Path.of("/data/a"));
        recent.remember(Path.of("/data/b"));
        recent.remember(Path.of("/data/a/../a"));
        assertEquals(List.of(Path.of("/data/a"), Path.of("/data/b")), recent.list());
        IntStream.range(0, 10).forEach(i -> recent.remember(Path.of("/data/ws" + i)));
        assertEquals(RecentWorkspaces.MAX, recent.list().size());
        assertEquals(Path.of("/data/ws9"), recent.list().get(0));
    }

    @Test
    void pathsWithCommasAndSpacesSurviveAndCanBeForgotten() {
        recent.remember(Path.of("/data/plate 1, day 2; run"));
        recent.remember(Path.of("/data/other"));
        recent.forget(Path.of("/data/other"));
        assertEquals(List.of(Path.of("/data/plate 1, day 2; run")), recent.list());
    }
}
