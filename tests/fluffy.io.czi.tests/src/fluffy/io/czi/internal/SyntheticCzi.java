package fluffy.io.czi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small CZI files for tests, following the published ZISRAW layout: a file header segment, one
 * subblock segment per tile, an optional metadata segment and the subblock directory at the end.
 * Nothing of the reader is used to write them.
 */
final class SyntheticCzi {

    static final int GRAY8 = 0;
    static final int GRAY16 = 1;
    static final int GRAY32_FLOAT = 2;
    static final int BGR24 = 3;
    static final int BGR48 = 4;

    /** One subblock: where it lies, how big it is stored, and its stored bytes. */
    static final class Tile {
        final Map<String, Integer> index = new LinkedHashMap<>();
        int x;
        int y;
        int width;
        int height;
        int storedWidth;
        int storedHeight;
        int pixelType;
        int compression;
        int filePart;
        byte[] data;

        Tile at(int atX, int atY) {
            x = atX;
            y = atY;
            return this;
        }

        /** Adds an index such as {@code C}, {@code Z}, {@code T}, {@code S} or {@code M}. */
        Tile index(String dimension, int value) {
            index.put(dimension, value);
            return this;
        }

        /** A pyramid subblock: covers {@code width x height} but stores fewer pixels. */
        Tile stored(int w, int h) {
            storedWidth = w;
            storedHeight = h;
            return this;
        }

        /** Says the subblock lives in another file of a multi-file CZI. */
        Tile filePart(int part) {
            filePart = part;
            return this;
        }

        Tile compression(int code, byte[] stored) {
            compression = code;
            data = stored;
            return this;
        }
    }

    private final List<Tile> tiles = new ArrayList<>();
    private String metadata;
    private int major = 1;

    /** An uncompressed tile of {@code width x height} pixels of the given type, with its raw bytes. */
    Tile tile(int pixelType, int width, int height, byte[] data) {
        Tile tile = new Tile();
        tile.pixelType = pixelType;
        tile.width = width;
        tile.height = height;
        tile.storedWidth = width;
        tile.storedHeight = height;
        tile.data = data;
        tiles.add(tile);
        return tile;
    }

    SyntheticCzi metadata(String xml) {
        metadata = xml;
        return this;
    }

    SyntheticCzi version(int majorVersion) {
        major = majorVersion;
        return this;
    }

    /** Metadata naming the channels, as ZEN writes it. */
    static String channelXml(String... names) {
        StringBuilder xml = new StringBuilder("<ImageDocument><Metadata><Information><Image><Dimensions><Channels>");
        for (int i = 0; i < names.length; i++) {
            xml.append("<Channel Id=\"Channel:").append(i).append("\" Name=\"").append(names[i]).append("\"/>");
        }
        return xml.append("</Channels></Dimensions></Image></Information></Metadata></ImageDocument>").toString();
    }

    byte[] bytes() {
        Out out = new Out();
        out.segment("ZISRAWFILE", 512); // filled in at the end
        List<Long> positions = new ArrayList<>();
        for (Tile tile : tiles) {
            positions.add((long) out.size());
            byte[] entry = entry(tile, 0);
            int header = Math.max(256, 16 + entry.length);
            ByteBuffer data = le(header + tile.data.length);
            data.putInt(0).putInt(0).putLong(tile.data.length).put(entry);
            data.position(header);
            data.put(tile.data);
            out.segment("ZISRAWSUBBLOCK", data.array());
        }
        long metadataPosition = 0;
        if (metadata != null) {
            metadataPosition = out.size();
            byte[] xml = metadata.getBytes(StandardCharsets.UTF_8);
            ByteBuffer data = le(256 + xml.length);
            data.putInt(xml.length).putInt(0).position(256);
            data.put(xml);
            out.segment("ZISRAWMETADATA", data.array());
        }
        long directoryPosition = out.size();
        List<byte[]> entries = new ArrayList<>();
        int length = 128;
        for (int i = 0; i < tiles.size(); i++) {
            byte[] entry = entry(tiles.get(i), positions.get(i));
            entries.add(entry);
            length += entry.length;
        }
        ByteBuffer directory = le(length);
        directory.putInt(tiles.size()).position(128);
        entries.forEach(directory::put);
        out.segment("ZISRAWDIRECTORY", directory.array());
        byte[] file = out.toByteArray();
        ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(32, major).putLong(32 + 52, directoryPosition).putLong(32 + 60, metadataPosition);
        return file;
    }

    Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), bytes());
    }

    private static byte[] entry(Tile tile, long position) {
        List<Object[]> dims = new ArrayList<>();
        dims.add(new Object[] {"X", tile.x, tile.width, tile.storedWidth});
        dims.add(new Object[] {"Y", tile.y, tile.height, tile.storedHeight});
        tile.index.forEach((name, value) -> dims.add(new Object[] {name, value, 1, 1}));
        ByteBuffer entry = le(32 + 20 * dims.size());
        entry.put((byte) 'D').put((byte) 'V').putInt(tile.pixelType).putLong(position).putInt(tile.filePart)
                .putInt(tile.compression).put((byte) 0).position(28);
        entry.putInt(dims.size());
        for (Object[] d : dims) {
            byte[] name = ((String) d[0]).getBytes(StandardCharsets.US_ASCII);
            entry.put(name).put(new byte[4 - name.length]).putInt((Integer) d[1]).putInt((Integer) d[2])
                    .putFloat(0).putInt((Integer) d[3]);
        }
        return entry.array();
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Segments, each with its 32-byte header and padded to 32 bytes. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void segment(String id, int dataSize) {
            segment(id, new byte[dataSize]);
        }

        void segment(String id, byte[] data) {
            int allocated = (data.length + 31) / 32 * 32;
            ByteBuffer header = le(32);
            byte[] name = id.getBytes(StandardCharsets.US_ASCII);
            header.put(name).position(16);
            header.putLong(allocated).putLong(data.length);
            bytes.writeBytes(header.array());
            bytes.writeBytes(data);
            bytes.writeBytes(new byte[allocated - data.length]);
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
