package fluffy.onnx.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import fluffy.onnx.DataType;
import fluffy.onnx.ModelFile;
import fluffy.onnx.Tensor;

/** Reads initializers and metadata from an ONNX {@code ModelProto}; everything else is skipped. */
public final class ModelReader {

    private ModelReader() {
    }

    public static ModelFile read(byte[] bytes) throws IOException {
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        long opset = -1;
        boolean sawGraph = false;
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setSizeLimit(Integer.MAX_VALUE);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 7 -> {
                    sawGraph = true;
                    readGraph(in.readByteArray(), initializers);
                }
                case 8 -> opset = Math.max(opset, readOpset(in.readByteArray()));
                case 14 -> readEntry(in.readByteArray(), metadata);
                default -> in.skipField(tag);
            }
        }
        if (!sawGraph) {
            throw new IOException("not an ONNX model: no graph");
        }
        return new ModelFile(initializers, metadata, opset);
    }

    private static void readGraph(byte[] bytes, Map<String, Tensor> initializers) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setSizeLimit(Integer.MAX_VALUE);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 5) {
                readTensor(in.readByteArray(), initializers);
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void readTensor(byte[] bytes, Map<String, Tensor> out) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setSizeLimit(Integer.MAX_VALUE);
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        byte[] raw = null;
        String location = null;
        boolean external = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) {
                            dims.add(in.readInt64());
                        }
                        in.popLimit(limit);
                    } else {
                        dims.add(in.readInt64());
                    }
                }
                case 2 -> type = in.readInt32();
                case 8 -> name = in.readString();
                case 9 -> raw = in.readByteArray();
                case 13 -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    readEntry(in.readByteArray(), entry);
                    location = entry.getOrDefault("location", location);
                    external = true;
                }
                case 14 -> external |= in.readEnum() == 1; // DataLocation.EXTERNAL
                default -> in.skipField(tag);
            }
        }
        if (external) {
            // Never opened: a path in an untrusted model could point anywhere on the machine.
            throw new ModelFile.Refused("initializer " + name + " keeps its data in an external file"
                    + (location == null ? "" : " ('" + location + "')") + "; only models with their weights inside "
                    + "the .onnx file are read, and files a model names are never opened");
        }
        if (raw == null) {
            throw new IOException("initializer " + name + " has no raw_data (only raw data is supported)");
        }
        out.put(name, new Tensor(DataType.ofOnnxCode(type), dims.stream().mapToLong(Long::longValue).toArray(), raw));
    }

    private static long readOpset(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String domain = "";
        long version = -1;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> domain = in.readString();
                case 2 -> version = in.readInt64();
                default -> in.skipField(tag);
            }
        }
        return domain.isEmpty() || domain.equals("ai.onnx") ? version : -1;
    }

    private static void readEntry(byte[] bytes, Map<String, String> out) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String key = "";
        String value = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> key = in.readString();
                case 2 -> value = in.readString();
                default -> in.skipField(tag);
            }
        }
        out.put(key, value);
    }
}
