package fluffy.io.czi.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fluffy.core.image.Plane;
import fluffy.io.ImageFormatException;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;

/**
 * An opened CZI file: one series per scene, planes read from the file on request. The file stays open
 * until {@link #close()}. For RGB files the last plane read is kept, so that reading the red, green and
 * blue channels of one plane decodes its subblocks once.
 */
final class CziSource implements ImageSource {

    static final String FORMAT_NAME = "Zeiss CZI";
    private static final String[] COLOURS = {"red", "green", "blue"};

    private final CziFile file;
    private final FileHeader header;
    private final CziLayout layout;
    private final CziMetadata metadata;
    private final List<ImageInfo> infos = new ArrayList<>();
    private List<Attachments.Attachment> attachments;
    private List<Object> cachedKey;
    private Plane[] cachedPlanes;

    CziSource(CziFile file, FileHeader header, CziLayout layout, CziMetadata metadata) {
        this.file = file;
        this.header = header;
        this.layout = layout;
        this.metadata = metadata;
        List<String> names = channelNames(layout, metadata.channelNames());
        CziPixelType type = layout.pixelType();
        for (CziLayout.Scene scene : layout.scenes()) {
            infos.add(new ImageInfo(scene.width(), scene.height(), layout.sizeC() * type.samplesPerPixel(), layout.sizeZ(),
                    layout.sizeT(), type.sampleType(), type.rgb(), names));
        }
    }

    private static List<String> channelNames(CziLayout layout, List<String> fromMetadata) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < layout.sizeC(); c++) {
            int index = layout.firstC() + c;
            String name = index >= 0 && index < fromMetadata.size() ? fromMetadata.get(index) : "";
            if (layout.pixelType().rgb()) {
                for (String colour : COLOURS) {
                    names.add(name.isEmpty() ? colour : name + " " + colour);
                }
            } else {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public Path file() {
        return file.path();
    }

    @Override
    public String formatName() {
        return FORMAT_NAME;
    }

    @Override
    public int seriesCount() {
        return infos.size();
    }

    @Override
    public ImageInfo info(int series) {
        Objects.checkIndex(series, infos.size());
        return infos.get(series);
    }

    @Override
    public Plane readPlane(int series, int c, int z, int t) throws IOException {
        checkIndex(series, c, z, t);
        int samples = layout.pixelType().samplesPerPixel();
        if (samples == 1) {
            return assemble(series, c, z, t)[0];
        }
        List<Object> key = List.of(series, c / samples, z, t);
        if (!key.equals(cachedKey)) {
            cachedKey = null;
            cachedPlanes = assemble(series, c / samples, z, t);
            cachedKey = key;
        }
        Plane plane = cachedPlanes[c % samples];
        return new Plane(plane.width(), plane.height(), plane.data().clone());
    }

    private Plane[] assemble(int series, int channel, int z, int t) throws ImageFormatException {
        return PlaneAssembler.assemble(file, layout.scenes().get(series), layout.pixelType(),
                layout.tiles(series, channel, z, t));
    }

    /** The scene's S index in the file, for each series. */
    int sceneIndex(int series) {
        return layout.scenes().get(series).index();
    }

    @Override
    public fluffy.io.PixelSize pixelSize(int series) {
        return metadata.pixelSize();
    }

    /** The document's XML metadata, possibly empty. */
    String metadataXml() {
        return metadata.xml();
    }

    /** What the attachment directory lists, read on first use. */
    List<Attachments.Attachment> attachments() throws ImageFormatException {
        if (attachments == null) {
            attachments = Attachments.read(file, header.attachmentDirectoryPosition());
        }
        return attachments;
    }

    /** The bytes of the first attachment with this name (such as {@code Thumbnail}), or {@code null}. */
    byte[] attachment(String name) throws ImageFormatException {
        for (Attachments.Attachment a : attachments()) {
            if (a.name().equals(name)) {
                return Attachments.data(file, a);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        cachedPlanes = null;
        file.close();
    }
}
