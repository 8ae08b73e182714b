package fluffy.app.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class StartupArgumentsTest {

    @Test
    void opensAndSelectsAmongEquinoxsOwnArguments() {
        StartupArguments args = StartupArguments.parse("-product", "fluffy.app.product", "--open", "/data/ws",
                "--open", "/data/runs/../runs/r1", "--select", "cells");
        assertEquals(List.of(Path.of("/data/ws"), Path.of("/data/runs/r1")), args.open());
        assertEquals("cells", args.select());
    }

    @Test
    void nothingAskedForIsNothingOpened() {
        StartupArguments args = StartupArguments.parse();
        assertEquals(List.of(), args.open());
        assertNull(args.select());
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StartupArguments.parse("--open"));
        assertThrows(IllegalArgumentException.class, () -> StartupArguments.parse("--open", "--select", "x"));
    }
}
