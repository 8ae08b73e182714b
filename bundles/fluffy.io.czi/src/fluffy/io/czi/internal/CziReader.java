package fluffy.io.czi.internal;

import java.io.IOException;
import java.nio.file.Path;

import fluffy.io.ImageReader;
import fluffy.io.ImageSource;

/**
 * Reads Zeiss CZI files in pure Java: Gray8, Gray16, Gray32Float, Bgr24 and Bgr48 pixels, uncompressed,
 * JPEG or zstd compressed; mosaic tiles composited; one series per scene; channel names from the
 * metadata. Opening reads the file header, the subblock directory and the metadata; pixels are read
 * plane by plane. JPEG-XR and other compressions are refused as unsupported, so that Bio-Formats can
 * take over where it is installed.
 */
public final class CziReader implements ImageReader {

    @Override
    public ImageSource open(Path path) throws IOException {
        CziFile file = CziFile.open(path);
        try {
            FileHeader header = FileHeader.read(file);
            CziLayout layout = CziLayout.of(file, SubBlockDirectory.read(file, header.directoryPosition()));
            CziMetadata metadata = CziMetadata.read(file, header.metadataPosition());
            return new CziSource(file, header, layout, metadata);
        } catch (IOException | RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }
}
