package fluffy.io.bioformats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A jar with the few {@code loci.formats} types the bridge calls, compiled at test time: Bio-Formats
 * itself cannot be had from Maven Central. It serves two series of known pixels, so the bridge's
 * class loading, method handles, series switching and sample decoding are tested for real.
 * <ul>
 * <li>series 0: 4 x 3, Z2, RGB uint8 interleaved; sample s of pixel i in plane z is {@code 100 z + 3 i + s}</li>
 * <li>series 1: 5 x 2, uint16 big-endian; pixel i is {@code 1000 + i}</li>
 * </ul>
 * A file whose name ends in {@code .unknown} is refused with Bio-Formats' {@code UnknownFormatException}.
 */
final class StandInJar {

    private static final Map<String, String> SOURCES = Map.of(
            "loci/formats/FormatException.java", """
                    package loci.formats;
                    public class FormatException extends Exception {
                        public FormatException(String m) { super(m); }
                    }
                    """,
            "loci/formats/UnknownFormatException.java", """
                    package loci.formats;
                    public class UnknownFormatException extends FormatException {
                        public UnknownFormatException(String m) { super(m); }
                    }
                    """,
            "loci/formats/IFormatReader.java", """
                    package loci.formats;
                    public interface IFormatReader {
                        void setId(String id) throws FormatException, java.io.IOException;
                        void close() throws java.io.IOException;
                        String getFormat();
                        int getSeriesCount();
                        void setSeries(int s);
                        int getSizeX(); int getSizeY(); int getSizeZ(); int getSizeC(); int getSizeT();
                        int getRGBChannelCount(); int getPixelType();
                        boolean isLittleEndian(); boolean isInterleaved();
                        int getIndex(int z, int c, int t);
                        byte[] openBytes(int no) throws FormatException, java.io.IOException;
                    }
                    """,
            "loci/formats/ImageReader.java", """
                    package loci.formats;
                    public class ImageReader implements IFormatReader {
                        private int series;
                        public void setId(String id) throws FormatException {
                            if (id.endsWith(".unknown")) throw new UnknownFormatException("Unknown file format: " + id);
                        }
                        public void close() { }
                        public String getFormat() { return "Stand-in"; }
                        public int getSeriesCount() { return 2; }
                        public void setSeries(int s) { series = s; }
                        public int getSizeX() { return series == 0 ? 4 : 5; }
                        public int getSizeY() { return series == 0 ? 3 : 2; }
                        public int getSizeZ() { return series == 0 ? 2 : 1; }
                        public int getSizeC() { return series == 0 ? 3 : 1; }
                        public int getSizeT() { return 1; }
                        public int getRGBChannelCount() { return series == 0 ? 3 : 1; }
                        public int getPixelType() { return series == 0 ? 1 : 3; }
                        public boolean isLittleEndian() { return false; }
                        public boolean isInterleaved() { return true; }
                        public int getIndex(int z, int c, int t) { return z; }
                        public byte[] openBytes(int no) {
                            if (series == 0) {
                                byte[] b = new byte[12 * 3];
                                for (int i = 0; i < 12; i++) for (int s = 0; s < 3; s++) b[3 * i + s] = (byte) (100 * no + 3 * i + s);
                                return b;
                            }
                            byte[] b = new byte[10 * 2];
                            for (int i = 0; i < 10; i++) { b[2 * i] = (byte) ((1000 + i) >> 8); b[2 * i + 1] = (byte) (1000 + i); }
                            return b;
                        }
                    }
                    """);

    private StandInJar() {
    }

    static Path build(Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "21"));
        for (var e : SOURCES.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IOException("could not compile the stand-in Bio-Formats classes");
        }
        Path jar = dir.resolve("bioformats_package.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path c : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(c));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
