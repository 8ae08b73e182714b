package fluffy.inference.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fluffy.core.files.AtomicFiles;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.core.workspace.Workspace;
import fluffy.io.SyntheticPairs;

/**
 * A sample workspace made by the synthetic nuclei generator: each image as a 16-bit TIFF in {@code Raw/}
 * and {@code Processed/images/}, its true label map in {@code Processed/masks/}, as if a user had
 * annotated it. The same seed gives the same workspace.
 */
public final class DemoWorkspace {

    /** What was made: the workspace and the names of its images (without extension). */
    public record Made(Workspace workspace, List<String> names) {
    }

    private DemoWorkspace() {
    }

    /**
     * A folder for a new demo workspace: {@code base} when it does not exist yet, otherwise the first free
     * {@code base-2}, {@code base-3} … so an earlier demo (or anything else) is never overwritten.
     */
    public static Path freeFolder(Path base) {
        Path candidate = base;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = base.resolveSibling(base.getFileName() + "-" + n);
        }
        return candidate;
    }

    /** Writes {@code count} images of {@code size} x {@code size} pixels into a new workspace at {@code root}. */
    public static Made create(Path root, int count, int size, long seed) throws IOException {
        if (Files.exists(root)) {
            throw new IOException(root + " already exists; the demo only writes into a new folder");
        }
        Workspace workspace = Workspace.create(root);
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(size, size));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "nuclei_%02d", i + 1);
            SyntheticPairs.write(generator.generate(seed + i), workspace.processedImage(name),
                    workspace.processedMask(name));
            AtomicFiles.copy(workspace.processedImage(name), workspace.raw().resolve(name + ".tif"));
            names.add(name);
        }
        return new Made(workspace, names);
    }

    /**
     * Writes {@code count} two-channel images of synthetic cells (channel 1 cytoplasm, channel 2 nuclei) of
     * {@code size} x {@code size} pixels, with the cells as label maps, into a new workspace at {@code root}.
     */
    public static Made createCells(Path root, int count, int size, long seed) throws IOException {
        if (Files.exists(root)) {
            throw new IOException(root + " already exists; the demo only writes into a new folder");
        }
        Workspace workspace = Workspace.create(root);
        fluffy.core.synthetic.SyntheticCells generator = new fluffy.core.synthetic.SyntheticCells(size, size, 14);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "cells_%02d", i + 1);
            fluffy.core.synthetic.SyntheticCells.Sample s = generator.generate(seed + i);
            SyntheticPairs.write(s.channels(), s.cells(), workspace.processedImage(name), workspace.processedMask(name));
            AtomicFiles.copy(workspace.processedImage(name), workspace.raw().resolve(name + ".tif"));
            names.add(name);
        }
        return new Made(workspace, names);
    }
}
