package fluffy.io.rois;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import ij.gui.Roi;
import ij.io.RoiDecoder;

/**
 * Reads Fiji {@code RoiSet.zip} files (and single {@code .roi} files) without a display: ImageJ's
 * {@code RoiManager} cannot exist headless, so the zip is read here and each entry decoded by
 * {@link RoiDecoder}. Nothing is extracted to disk. Entries are read in memory with hard limits, so a
 * zip bomb or a hostile entry name costs nothing but a warning.
 */
public final class RoiSetReader {

    /** Largest uncompressed entry accepted; a polygon of a million points takes 8 MB. */
    public static final int MAX_ENTRY_BYTES = 16 << 20;
    /** Largest total uncompressed size accepted. */
    public static final long MAX_TOTAL_BYTES = 256L << 20;
    /** Most entries accepted. */
    public static final int MAX_ENTRIES = 100_000;

    private RoiSetReader() {
    }

    /** Reads a {@code RoiSet.zip}, or a single {@code .roi} file. */
    public static RoiSet read(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".roi")) {
            return readSingle(file);
        }
        List<RoiSet.Entry> rois = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int count = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new IOException(file.getFileName() + ": more than " + MAX_ENTRIES + " entries; not a ROI set");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!safeName(name)) {
                    skipped.add(new Skipped(name, "unsafe entry name (absolute path or '..'); ignored"));
                    continue;
                }
                if (!name.toLowerCase(Locale.ROOT).endsWith(".roi")) {
                    skipped.add(new Skipped(name, "not a .roi entry; ignored"));
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
                }
                if (bytes.length > MAX_ENTRY_BYTES) {
                    skipped.add(new Skipped(name, "larger than " + (MAX_ENTRY_BYTES >> 20)
                            + " MiB uncompressed; ignored (zip bomb guard)"));
                    continue;
                }
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new IOException(file.getFileName() + ": more than " + (MAX_TOTAL_BYTES >> 20)
                            + " MiB uncompressed; not read (zip bomb guard)");
                }
                decode(bytes, name, rois.size()).ifPresentOrElse(rois::add,
                        () -> skipped.add(new Skipped(name, "not a valid ImageJ ROI; ignored")));
            }
        } catch (ZipException e) {
            throw new IOException(file.getFileName() + ": not a valid zip file (" + e.getMessage() + ")", e);
        }
        return new RoiSet(file, rois, skipped);
    }

    private static RoiSet readSingle(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_ENTRY_BYTES) {
            throw new IOException(file.getFileName() + ": larger than " + (MAX_ENTRY_BYTES >> 20) + " MiB; not a ROI");
        }
        String name = file.getFileName().toString();
        var entry = decode(Files.readAllBytes(file), name, 0);
        return entry.map(e -> new RoiSet(file, List.of(e), List.of()))
                .orElseGet(() -> new RoiSet(file, List.of(), List.of(new Skipped(name, "not a valid ImageJ ROI"))));
    }

    private static Optional<RoiSet.Entry> decode(byte[] bytes, String name, int index) {
        // RoiDecoder checks the "Iout" magic and returns null for other content; damaged content may
        // throw anything from an array index to a negative size.
        if (bytes.length < 64 || bytes[0] != 'I' || bytes[1] != 'o' || bytes[2] != 'u' || bytes[3] != 't') {
            return Optional.empty();
        }
        try {
            Roi roi = new RoiDecoder(bytes, name).getRoi();
            return Optional.ofNullable(roi).map(r -> new RoiSet.Entry(index, name, r));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** No absolute paths, drive letters or parent references: such names never come from Fiji. */
    static boolean safeName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
