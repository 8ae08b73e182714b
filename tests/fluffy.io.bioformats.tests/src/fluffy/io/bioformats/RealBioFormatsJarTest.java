package fluffy.io.bioformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fluffy.core.image.Plane;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.bioformats.internal.BioFormatsReader;

/**
 * The bridge on a real Bio-Formats build (4.4.10, from 2014: the shared test data's
 * {@code bioformats/bioformats-4.4.10.jar}, a fixture that is never shipped). Every plane the bridge returns
 * is compared with what Bio-Formats' own {@code ImageReader} returns for it, read here through a class
 * loader of its own, and, for the CZI files, with Fluffy's own CZI reader, an independent implementation
 * (its package is imported only so that the test runtime holds the bundle).
 * That old build misreads the 16 x 16-tiled {@code tiled_u16.tif} (its own reader returns the same wrong
 * pixels), so there the test holds the bridge to Bio-Formats' values, not to the truth.
 */
class RealBioFormatsJarTest {

    private static final Path SHARED = Path.of(System.getProperty("fluffy.shared.data", "../../../shared/data"));
    private static final Path JAR = SHARED.resolve("bioformats/bioformats-4.4.10.jar");

    private JarProperty jar;

    @BeforeEach
    void configure() {
        assumeTrue(Files.isRegularFile(JAR), "the real Bio-Formats jar is not at " + JAR + "; skipping");
        jar = JarProperty.set(JAR);
    }

    @AfterEach
    void restore() {
        if (jar != null) {
            jar.restore();
        }
    }

    @Test
    void theSetupNamesTheVersionTheJarReports() {
        String setup = new BioFormatsReader().setup().orElseThrow();
        // The build calls itself 4.4.10-ice35-b112.
        assertTrue(setup.startsWith("Bio-Formats 4.4.10") && setup.contains(" from " + JAR), setup);
        assertTrue(ImageFormats.platform().setups().stream().anyMatch(l -> l.contains("Bio-Formats 4.4.10")),
                ImageFormats.platform().setups().toString());
    }

    @Test
    void aBigTiffOpensOnlyThroughTheBridgeWithTheSamePixelsAsBioFormatsAndTheTruth() throws Exception {
        Path file = SHARED.resolve("tiff-variants/bigtiff_u16.tif");
        Plane truth;
        try (ImageSource imagej = ImageFormats.platform().open(SHARED.resolve("tiff-variants/deflate_u16.tif"))) {
            truth = imagej.readPlane(0, 0, 0, 0); // the same ramp, y * 40 + x, as a plain TIFF
        }
        try (ImageSource source = ImageFormats.platform().open(file)) {
            assertTrue(source.formatName().endsWith("(Bio-Formats)"), source.formatName());
            assertSamePlanesAsBioFormats(file, source);
            assertArrayEquals(truth.data(), source.readPlane(0, 0, 0, 0).data());
        }
    }

    @Test
    void bothSeriesOfAnOmeTiffComeThroughAsBioFormatsReadsThem() throws Exception {
        Path file = SHARED.resolve("tiff-variants/ome_2series.ome.tif");
        try (ImageSource source = new BioFormatsReader().open(file)) {
            assertEquals(2, source.seriesCount());
            assertSamePlanesAsBioFormats(file, source);
        }
    }

    @Test
    void czisReadTheSameThroughTheBridgeAsThroughFluffysOwnCziReader() throws Exception {
        for (String name : new String[] {"CD_s_1_t_3_c_2_z_5.czi", "s_1_t_1_c_1_z_1.czi"}) {
            Path file = SHARED.resolve("czi").resolve(name);
            try (ImageSource bridge = new BioFormatsReader().open(file);
                    ImageSource own = ImageFormats.platform().open(file)) {
                assertTrue(own.formatName().contains("CZI") && !own.formatName().contains("Bio-Formats"),
                        own.formatName());
                assertSamePlanesAsBioFormats(file, bridge);
                ImageInfo a = bridge.info(0);
                ImageInfo b = own.info(0);
                assertEquals(java.util.List.of(b.sizeX(), b.sizeY(), b.sizeC(), b.sizeZ(), b.sizeT()),
                        java.util.List.of(a.sizeX(), a.sizeY(), a.sizeC(), a.sizeZ(), a.sizeT()), name);
                for (int c = 0; c < a.sizeC(); c++) {
                    for (int z = 0; z < a.sizeZ(); z++) {
                        for (int t = 0; t < a.sizeT(); t++) {
                            assertArrayEquals(own.readPlane(0, c, z, t).data(), bridge.readPlane(0, c, z, t).data(),
                                    name + " c" + c + " z" + z + " t" + t);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theTiledTiffThatThisOldBuildMisreadsComesThroughAsItReadsIt() throws Exception {
        Path file = SHARED.resolve("tiff-variants/tiled_u16.tif");
        try (ImageSource source = new BioFormatsReader().open(file)) {
            assertSamePlanesAsBioFormats(file, source);
        }
    }

    /** Every plane of every series equals what Bio-Formats' own reader returns, sample for sample. */
    private static void assertSamePlanesAsBioFormats(Path file, ImageSource source) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Object reader = Class.forName("loci.formats.ImageReader", true, loader).getConstructor().newInstance();
            Class<?> api = Class.forName("loci.formats.IFormatReader", false, loader);
            api.getMethod("setId", String.class).invoke(reader, file.toString());
            try {
                int series = (int) api.getMethod("getSeriesCount").invoke(reader);
                assertEquals(series, source.seriesCount(), file + ": series");
                for (int s = 0; s < series; s++) {
                    api.getMethod("setSeries", int.class).invoke(reader, s);
                    ImageInfo info = source.info(s);
                    assertEquals(call(api, reader, "getSizeX"), info.sizeX(), file + " series " + s);
                    assertEquals(call(api, reader, "getSizeY"), info.sizeY(), file + " series " + s);
                    assertEquals(call(api, reader, "getSizeZ"), info.sizeZ(), file + " series " + s);
                    assertEquals(call(api, reader, "getSizeT"), info.sizeT(), file + " series " + s);
                    assertEquals(1, call(api, reader, "getRGBChannelCount"), "grey samples in these files");
                    assertEquals(call(api, reader, "getSizeC"), info.sizeC(), file + " series " + s);
                    Method index = api.getMethod("getIndex", int.class, int.class, int.class);
                    Method openBytes = api.getMethod("openBytes", int.class);
                    int type = call(api, reader, "getPixelType");
                    boolean little = (boolean) api.getMethod("isLittleEndian").invoke(reader);
                    for (int c = 0; c < info.sizeC(); c++) {
                        for (int z = 0; z < info.sizeZ(); z++) {
                            for (int t = 0; t < info.sizeT(); t++) {
                                byte[] bytes = (byte[]) openBytes.invoke(reader, index.invoke(reader, z, c, t));
                                assertArrayEquals(samples(bytes, type, little), source.readPlane(s, c, z, t).data(),
                                        file + " series " + s + " c" + c + " z" + z + " t" + t);
                            }
                        }
                    }
                }
            } finally {
                api.getMethod("close").invoke(reader);
            }
        }
    }

    private static int call(Class<?> api, Object reader, String method) throws ReflectiveOperationException {
        return (int) api.getMethod(method).invoke(reader);
    }

    /** Bio-Formats' raw plane as float samples, for its pixel types 1 (uint8), 2 (int16), 3 (uint16), 6 (float). */
    private static float[] samples(byte[] bytes, int type, boolean little) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int width = switch (type) {
            case 1 -> 1;
            case 2, 3 -> 2;
            case 6 -> 4;
            default -> throw new IOException("pixel type " + type + " is not used by these files");
        };
        float[] out = new float[bytes.length / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (type) {
                case 1 -> bytes[i] & 0xff;
                case 2 -> b.getShort(2 * i);
                case 3 -> b.getShort(2 * i) & 0xffff;
                default -> b.getFloat(4 * i);
            };
        }
        return out;
    }
}
