package org.example.fluffy.imageinfo;

import java.io.File;
import java.util.List;
import java.util.Set;

import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;
import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageStatistics;

/**
 * {@code fluffy image-info FILE...}: one line per image with its size, planes, pixel type and the
 * minimum, maximum and mean of its first plane. Written the way a third party writes an extension: it
 * sees only Fluffy's exported API ({@code fluffy.headless}) and public libraries.
 */
public final class ImageInfoCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy image-info FILE...

                Files that cannot be read are reported by name; the others are still listed
                (exit code 3 when some failed, 1 when all failed).
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        Arguments args = Arguments.parse(arguments, Set.of());
        args.finish();
        if (args.positional().isEmpty()) {
            throw new UsageException("no image files given");
        }
        int failed = 0;
        for (String name : args.positional()) {
            try {
                context.out().println(describe(new File(name)));
            } catch (IllegalArgumentException e) {
                context.err().println("image-info: " + e.getMessage());
                failed++;
            }
        }
        if (failed == 0) {
            return ExitCodes.OK;
        }
        return failed == args.positional().size() ? ExitCodes.FAILED : ExitCodes.PARTIAL;
    }

    static String describe(File file) {
        if (!file.isFile()) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        // Asking for the type first keeps ImageJ from printing its own error for unknown formats.
        Opener opener = new Opener();
        if (opener.getFileType(file.getPath()) == Opener.UNKNOWN) {
            throw new IllegalArgumentException(file + ": not an image format ImageJ reads");
        }
        ImagePlus image = opener.openImage(file.getPath());
        if (image == null) {
            throw new IllegalArgumentException(file + ": could not be read");
        }
        try {
            ImageStatistics stats = image.getProcessor().getStats();
            String type = image.getBitDepth() == 24 ? "RGB" : image.getBitDepth() + "-bit";
            return String.format("%s: %d x %d, %d plane(s), %s, min %.4g, max %.4g, mean %.4g", file.getName(),
                    image.getWidth(), image.getHeight(), image.getStackSize(), type, stats.min, stats.max, stats.mean);
        } finally {
            image.close();
        }
    }
}
