package fluffy.core.image;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises microscopy image files by name and lists those in a folder. The extensions are the ones the
 * original Fluffy accepted in {@code Raw/} plus the other formats ImageJ opens.
 */
public final class ImageFiles {

    /** Lower-case file extensions, without the dot, that are treated as images. */
    public static final Set<String> EXTENSIONS =
            Set.of("tif", "tiff", "stk", "czi", "png", "jpg", "jpeg", "gif", "bmp");

    private static final Comparator<Path> BY_NAME =
            Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE);

    private ImageFiles() {
    }

    /** Whether the file name ends in one of {@link #EXTENSIONS} (case ignored). */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The image files directly inside {@code folder} (subfolders are not entered, hidden files are
     * skipped), in natural name order.
     *
     * @throws IOException naming the folder when it does not exist, is not a folder or cannot be read
     */
    public static List<Path> list(Path folder) throws IOException {
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".") && Files.isRegularFile(entry)
                        && hasImageExtension(entry)) {
                    images.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException("Folder does not exist: " + folder, e);
        } catch (NotDirectoryException e) {
            throw new IOException("Not a folder: " + folder, e);
        }
        images.sort(BY_NAME);
        return images;
    }
}
