package fluffy.commands.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fluffy.core.image.ImageFiles;
import fluffy.core.workspace.ItemState;
import fluffy.core.workspace.Workspace;
import fluffy.core.workspace.WorkspaceItem;
import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.io.ImageFormats;

/**
 * {@code fluffy init DIR}: creates a workspace's folders, keeping whatever is there, and shows what the
 * workspace holds. Running it on an existing (original Fluffy) folder changes nothing but adds missing
 * folders.
 */
public final class InitCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy init DIR

                Creates the workspace folders Raw/, Labeling/ and Processed/{images,masks} in DIR
                (created when missing; nothing existing is changed), then lists its items and their
                state (raw, prepared, annotated, labelled). Put images into DIR/Raw, then run
                'fluffy prepare DIR'.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Path root = WorkspaceArgument.folder(Arguments.parse(arguments, Set.of()));
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(root + " exists and is not a folder");
        }
        // In the order of the workflow: Raw/ first.
        Map<Path, Boolean> existed = new LinkedHashMap<>();
        Workspace probe = new Workspace(root);
        for (Path folder : List.of(probe.raw(), probe.labeling(), probe.processedImages(), probe.processedMasks())) {
            existed.put(folder, Files.isDirectory(folder));
        }
        Workspace workspace = Workspace.create(root);
        context.out().println("Workspace " + root);
        existed.forEach((folder, was) -> context.out().printf("  %-18s %s%n", root.relativize(folder) + "/",
                was ? "exists" : "created"));
        ImageFormats formats = ImageFormats.platform();
        List<WorkspaceItem> items = workspace.items(f -> formats.claims(f) || ImageFiles.hasImageExtension(f));
        Map<ItemState, Integer> counts = new TreeMap<>();
        items.forEach(i -> counts.merge(i.state(), 1, Integer::sum));
        context.out().printf("%d item(s): %d raw, %d prepared, %d annotated, %d labelled%n", items.size(),
                counts.getOrDefault(ItemState.RAW, 0), counts.getOrDefault(ItemState.PREPARED, 0),
                counts.getOrDefault(ItemState.ANNOTATED, 0), counts.getOrDefault(ItemState.LABELLED, 0));
        context.out().println(items.isEmpty() ? "Next: copy images into " + workspace.raw() + " and run 'fluffy prepare "
                + root + "'." : "Next: 'fluffy prepare " + root + "', annotate in Fiji, then 'fluffy labels " + root + "'.");
        return ExitCodes.OK;
    }
}
