package fluffy.onnx;

/** ONNX tensor element types used by Fluffy, with their {@code TensorProto.DataType} codes. */
public enum DataType {
    FLOAT(1, 4), UINT8(2, 1), INT8(3, 1), INT32(6, 4), INT64(7, 8), BOOL(9, 1), DOUBLE(11, 8);

    public final int onnxCode;
    public final int bytes;

    DataType(int onnxCode, int bytes) {
        this.onnxCode = onnxCode;
        this.bytes = bytes;
    }

    public static DataType ofOnnxCode(int code) {
        for (DataType t : values()) {
            if (t.onnxCode == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported ONNX element type " + code);
    }
}
