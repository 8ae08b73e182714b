package fluffy.onnx.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.protobuf.CodedOutputStream;

import fluffy.onnx.Attribute;
import fluffy.onnx.Graph;
import fluffy.onnx.Model;
import fluffy.onnx.Node;
import fluffy.onnx.Shape;
import fluffy.onnx.Tensor;
import fluffy.onnx.Value;

/**
 * Encodes a {@link Model} as an ONNX {@code ModelProto} with protobuf's wire format directly; the field
 * numbers are those of onnx.proto (IR version 8). Nested messages are encoded first so that their
 * lengths are known.
 */
public final class ModelWriter {

    static final long IR_VERSION = 8;

    private ModelWriter() {
    }

    public static byte[] write(Model model) {
        return message(out -> {
            out.writeInt64(1, IR_VERSION);
            out.writeString(2, Model.PRODUCER);
            out.writeString(3, "0.1.0");
            if (!model.docString().isEmpty()) {
                out.writeString(6, model.docString());
            }
            out.writeByteArray(7, graph(model.graph()));
            out.writeByteArray(8, message(o -> {
                o.writeString(1, "");
                o.writeInt64(2, Graph.OPSET);
            }));
            for (Map.Entry<String, String> e : model.metadata().entrySet()) {
                out.writeByteArray(14, message(o -> {
                    o.writeString(1, e.getKey());
                    o.writeString(2, e.getValue());
                }));
            }
        });
    }

    private static byte[] graph(Graph g) {
        return message(out -> {
            for (Node n : g.nodes()) {
                out.writeByteArray(1, node(n));
            }
            out.writeString(2, g.name());
            for (Value init : g.initializers()) {
                out.writeByteArray(5, tensor(init.name(), init.data()));
            }
            for (Value in : g.inputs()) {
                out.writeByteArray(11, valueInfo(in));
            }
            for (Value o : g.outputs()) {
                out.writeByteArray(12, valueInfo(o));
            }
        });
    }

    private static byte[] node(Node n) {
        return message(out -> {
            for (Value in : n.inputs()) {
                out.writeString(1, in == null ? "" : in.name());
            }
            for (Value o : n.outputs()) {
                out.writeString(2, o.name());
            }
            out.writeString(3, n.name());
            out.writeString(4, n.opType());
            for (Map.Entry<String, Attribute> a : n.attributes().entrySet()) {
                out.writeByteArray(5, attribute(a.getKey(), a.getValue()));
            }
        });
    }

    /** AttributeProto; the type field (20) is required by ONNX Runtime. */
    private static byte[] attribute(String name, Attribute a) {
        return message(out -> {
            out.writeString(1, name);
            switch (a) {
                case Attribute.Float f -> {
                    out.writeFloat(2, f.value());
                    out.writeEnum(20, 1);
                }
                case Attribute.Int i -> {
                    out.writeInt64(3, i.value());
                    out.writeEnum(20, 2);
                }
                case Attribute.Str s -> {
                    out.writeString(4, s.value());
                    out.writeEnum(20, 3);
                }
                case Attribute.TensorValue t -> {
                    out.writeByteArray(5, tensor("", t.value()));
                    out.writeEnum(20, 4);
                }
                case Attribute.Floats fs -> {
                    for (float f : fs.values()) {
                        out.writeFloat(7, f);
                    }
                    out.writeEnum(20, 6);
                }
                case Attribute.Ints is -> {
                    for (long i : is.values()) {
                        out.writeInt64(8, i);
                    }
                    out.writeEnum(20, 7);
                }
            }
        });
    }

    static byte[] tensor(String name, Tensor t) {
        return message(out -> {
            for (long d : t.dims()) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, t.type().onnxCode);
            if (!name.isEmpty()) {
                out.writeString(8, name);
            }
            out.writeByteArray(9, t.raw());
        });
    }

    private static byte[] valueInfo(Value v) {
        return message(out -> {
            out.writeString(1, v.name());
            out.writeByteArray(2, message(type -> type.writeByteArray(1, message(tensorType -> {
                tensorType.writeInt32(1, v.type().onnxCode);
                tensorType.writeByteArray(2, shape(v.shape()));
            }))));
        });
    }

    private static byte[] shape(Shape s) {
        return message(out -> {
            for (int i = 0; i < s.rank(); i++) {
                final int axis = i;
                out.writeByteArray(1, message(dim -> {
                    if (s.isKnown(axis)) {
                        dim.writeInt64(1, s.dim(axis));
                    } else if (s.names()[axis] != null) {
                        dim.writeString(2, s.names()[axis]);
                    }
                }));
            }
        });
    }

    interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }
}
