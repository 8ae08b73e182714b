package fluffy.io.bioformats.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methods of Bio-Formats' {@code loci.formats.IFormatReader} that the bridge calls, looked up once
 * per class loader. Fluffy does not compile against Bio-Formats (it is not on Maven Central and is GPL),
 * so every call goes through a method handle on the user's jar.
 */
record ReaderHandles(Class<?> imageReader, MethodHandle setId, MethodHandle close, MethodHandle getFormat,
        MethodHandle getSeriesCount, MethodHandle setSeries, MethodHandle getSizeX, MethodHandle getSizeY,
        MethodHandle getSizeZ, MethodHandle getSizeC, MethodHandle getSizeT, MethodHandle getRGBChannelCount,
        MethodHandle getPixelType, MethodHandle isLittleEndian, MethodHandle isInterleaved, MethodHandle getIndex,
        MethodHandle openBytes) {

    private static final Map<ClassLoader, ReaderHandles> CACHE = new ConcurrentHashMap<>();

    static ReaderHandles of(ClassLoader loader) throws ReflectiveOperationException {
        ReaderHandles cached = CACHE.get(loader);
        if (cached == null) {
            cached = lookUp(loader);
            CACHE.put(loader, cached);
        }
        return cached;
    }

    private static ReaderHandles lookUp(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> reader = Class.forName("loci.formats.ImageReader", false, loader);
        Class<?> api = Class.forName("loci.formats.IFormatReader", false, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType toInt = MethodType.methodType(int.class);
        MethodType toBoolean = MethodType.methodType(boolean.class);
        return new ReaderHandles(reader,
                lookup.findVirtual(api, "setId", MethodType.methodType(void.class, String.class)),
                lookup.findVirtual(api, "close", MethodType.methodType(void.class)),
                lookup.findVirtual(api, "getFormat", MethodType.methodType(String.class)),
                lookup.findVirtual(api, "getSeriesCount", toInt),
                lookup.findVirtual(api, "setSeries", MethodType.methodType(void.class, int.class)),
                lookup.findVirtual(api, "getSizeX", toInt),
                lookup.findVirtual(api, "getSizeY", toInt),
                lookup.findVirtual(api, "getSizeZ", toInt),
                lookup.findVirtual(api, "getSizeC", toInt),
                lookup.findVirtual(api, "getSizeT", toInt),
                lookup.findVirtual(api, "getRGBChannelCount", toInt),
                lookup.findVirtual(api, "getPixelType", toInt),
                lookup.findVirtual(api, "isLittleEndian", toBoolean),
                lookup.findVirtual(api, "isInterleaved", toBoolean),
                lookup.findVirtual(api, "getIndex", MethodType.methodType(int.class, int.class, int.class, int.class)),
                lookup.findVirtual(api, "openBytes", MethodType.methodType(byte[].class, int.class)));
    }

    /** A new {@code loci.formats.ImageReader}, which picks the right format reader for each file. */
    Object newReader() throws ReflectiveOperationException {
        return imageReader.getConstructor().newInstance();
    }
}
