package fluffy.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void valuesFlagsAndPositionals() throws UsageException {
        Arguments args = Arguments.parse(List.of("in.tif", "--model", "m.onnx", "--tile=512", "--instances", "out"),
                Set.of("instances"));
        assertEquals(Optional.of("m.onnx"), args.value("model"));
        assertEquals("512", args.require("tile"));
        assertTrue(args.flag("instances"));
        assertFalse(args.flag("binary"));
        assertEquals(List.of("in.tif", "out"), args.positional());
        args.finish();
    }

    @Test
    void doubleDashEndsTheOptions() throws UsageException {
        Arguments args = Arguments.parse(List.of("--", "--weird-file-name.tif"), Set.of());
        assertEquals(List.of("--weird-file-name.tif"), args.positional());
    }

    @Test
    void optionsNobodyAskedForAreRejectedByName() throws UsageException {
        Arguments args = Arguments.parse(List.of("--modle", "x", "--verbose"), Set.of("verbose"));
        args.value("model");
        UsageException e = assertThrows(UsageException.class, args::finish);
        assertEquals("unknown options: --modle, --verbose", e.getMessage());
    }

    @Test
    void mistakesInTheArgumentsThemselves() {
        assertEquals("option --model needs a value",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--model"), Set.of())).getMessage());
        assertEquals("option --quiet takes no value", assertThrows(UsageException.class,
                () -> Arguments.parse(List.of("--quiet=yes"), Set.of("quiet"))).getMessage());
        assertEquals("option --seed is given twice", assertThrows(UsageException.class,
                () -> Arguments.parse(List.of("--seed", "1", "--seed=2"), Set.of())).getMessage());
    }

    @Test
    void missingRequiredOption() throws UsageException {
        Arguments args = Arguments.parse(List.of(), Set.of());
        assertEquals("option --input is required",
                assertThrows(UsageException.class, () -> args.require("input")).getMessage());
    }
}
