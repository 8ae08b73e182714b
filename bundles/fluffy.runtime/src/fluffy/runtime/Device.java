package fluffy.runtime;

/** Where ONNX Runtime executes a model. */
public sealed interface Device {

    /** The CPU execution provider; always available. */
    record Cpu() implements Device {
        @Override
        public String toString() {
            return "CPU";
        }
    }

    /** The CUDA execution provider on the GPU with this index. */
    record Cuda(int index) implements Device {
        public Cuda {
            if (index < 0) {
                throw new IllegalArgumentException("CUDA device index must be 0 or more, got " + index);
            }
        }

        @Override
        public String toString() {
            return "CUDA:" + index;
        }
    }

    Device CPU = new Cpu();
}
