package fluffy.inference.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** NumPy {@code .npy} files (format 1.0) of little-endian float32 arrays in C order: bioimage.io's test tensors. */
public final class Npy {

    private Npy() {
    }

    public static byte[] float32(float[] data, long[] shape) {
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got "
                    + data.length);
        }
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "")
                + "), }";
        // Magic (6) + version (2) + header length (2) + header, padded with spaces and a newline to 64 bytes.
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        out.asFloatBuffer().put(data);
        return out.array();
    }
}
