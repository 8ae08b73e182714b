package fluffy.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import fluffy.io.prepare.PrepareOptions;
import fluffy.io.prepare.Projection;

class PrepareChoicesTest {

    @Test
    void defaultsAreTheCommandsDefaults() {
        assertEquals(PrepareOptions.defaults(), PrepareChoices.defaults().toOptions());
        assertEquals("", PrepareChoices.defaults().commandLine());
    }

    @Test
    void everyChoiceReachesTheOptionsAndTheCommandLine() {
        PrepareChoices c = new PrepareChoices(PrepareChoices.ZStacks.PROJECT, Projection.MEAN, 2, 1, 3);
        assertEquals(new PrepareOptions(false, OptionalInt.of(2), Optional.of(Projection.MEAN), OptionalInt.of(1),
                OptionalInt.of(3)), c.toOptions());
        assertEquals("--zstack --projection mean --frame 2 --channel 1 --series 3", c.commandLine());
        PrepareChoices slices = new PrepareChoices(PrepareChoices.ZStacks.ALL_SLICES, Projection.MAX, null, 0, 0);
        assertTrue(slices.toOptions().allSlices());
        assertEquals("--all-slices --channel 0", slices.commandLine());
    }

    @Test
    void everySliceExcludesAFrame() {
        assertThrows(IllegalArgumentException.class,
                () -> new PrepareChoices(PrepareChoices.ZStacks.ALL_SLICES, Projection.MAX, 1, null, 0));
    }
}
