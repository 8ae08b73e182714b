package fluffy.runtime.session;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.ParameterSpec;
import fluffy.onnx.nn.TrainingLayout;
import fluffy.onnx.nn.Weights;

/**
 * Runs a training graph step by step. Weights, running statistics and optimizer state stay inside ONNX
 * Runtime tensors between steps: each step's outputs are the next step's inputs, so nothing is copied
 * through Java arrays until {@link #weights()} asks for it. An evaluation graph shares those tensors to
 * validate with the current weights.
 *
 * <p>Not thread-safe: one training loop drives one session.
 */
public final class TrainingSession implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession training;
    private final OrtSession evaluation;
    private final TrainingLayout layout;
    private final TrainingLayout evaluationLayout;
    private final Map<String, long[]> shapes = new HashMap<>();
    /** The current value of every carried tensor, by name. */
    private final Map<String, OnnxTensor> carried = new LinkedHashMap<>();
    /** Tensors this session created itself (the starting values); closed with the session. */
    private final List<OnnxTensor> owned = new ArrayList<>();
    /** Buffer values set by {@link #setBuffers}; closed when they are set again or the session closes. */
    private final List<OnnxTensor> setBuffers = new ArrayList<>();
    /** The result holding the latest carried tensors; closed once the next step has replaced them. */
    private OrtSession.Result latest;
    private long completedSteps;

    /**
     * @param weights        parameters and buffers to start from (e.g. {@link Weights#initialize})
     * @param optimizerState the optimizer slots to resume with, or null to start them at zero
     * @param completedSteps steps taken before (0 for a new training); Adam's bias correction counts on it
     */
    public TrainingSession(Graphs.Built trainingGraph, Graphs.Built evaluationGraph, Weights weights,
            Weights optimizerState, long completedSteps, SessionSettings settings) throws SessionException {
        try {
            this.layout = trainingGraph.layout();
            this.evaluationLayout = evaluationGraph.layout();
            this.completedSteps = completedSteps;
            for (ParameterSpec spec : trainingGraph.specs()) {
                shapes.put(spec.name(), spec.shape());
            }
            try {
                for (String name : layout.parameters()) {
                    carry(name, weights.get(name));
                }
                for (String name : layout.buffers()) {
                    carry(name, weights.get(name));
                }
                for (String name : layout.optimizerState()) {
                    String parameter = name.substring(0, name.lastIndexOf('/'));
                    long[] shape = shapes.get(parameter);
                    shapes.put(name, shape);
                    carry(name, optimizerState != null && optimizerState.contains(name) ? optimizerState.get(name)
                            : new float[weights.get(parameter).length]);
                }
                this.training = Sessions.create(trainingGraph.model().toBytes(), settings);
                this.evaluation = Sessions.create(evaluationGraph.model().toBytes(), settings);
            } catch (OrtException | RuntimeException e) {
                owned.forEach(OnnxTensor::close);
                throw e;
            }
        } catch (OrtException e) {
            throw new SessionException("creating the session failed", e);
        }
    }

    private void carry(String name, float[] values) throws OrtException {
        OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shapes.get(name));
        owned.add(t);
        carried.put(name, t);
    }

    /** Steps completed so far, including those before a resume. */
    public long completedSteps() {
        return completedSteps;
    }

    /** One optimizer step on a batch; returns the batch's loss before the update. */
    public float step(Batch batch, float learningRate) throws SessionException {
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>(carried);
            List<OnnxTensor> created = new ArrayList<>();
            try {
                inputs.put(layout.image(), track(created, OnnxTensor.createTensor(env, FloatBuffer.wrap(batch.images()),
                        batch.imageShape())));
                inputs.put(layout.target(), track(created, OnnxTensor.createTensor(env, FloatBuffer.wrap(batch.targets()),
                        batch.targetShape())));
                inputs.put(layout.learningRate(), track(created, OnnxTensor.createTensor(env, learningRate)));
                inputs.put(layout.step(), track(created, OnnxTensor.createTensor(env, (float) (completedSteps + 1))));
                OrtSession.Result result = training.run(inputs);
                float loss = scalar(result.get(layout.loss()).orElseThrow());
                for (String name : layout.carried()) {
                    carried.put(name, (OnnxTensor) result.get(TrainingLayout.updated(name)).orElseThrow());
                }
                if (latest != null) {
                    latest.close();
                }
                latest = result;
                completedSteps++;
                return loss;
            } finally {
                created.forEach(OnnxTensor::close);
            }
        } catch (OrtException e) {
            throw new SessionException("training step failed", e);
        }
    }

    /** The forward pass in inference mode with the current weights: probabilities and loss. */
    public Evaluation evaluate(Batch batch) throws SessionException {
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            for (String name : evaluationLayout.parameters()) {
                inputs.put(name, carried.get(name));
            }
            for (String name : evaluationLayout.buffers()) {
                inputs.put(name, carried.get(name));
            }
            List<OnnxTensor> created = new ArrayList<>();
            try {
                inputs.put(evaluationLayout.image(), track(created, OnnxTensor.createTensor(env,
                        FloatBuffer.wrap(batch.images()), batch.imageShape())));
                inputs.put(evaluationLayout.target(), track(created, OnnxTensor.createTensor(env,
                        FloatBuffer.wrap(batch.targets()), batch.targetShape())));
                try (OrtSession.Result result = evaluation.run(inputs)) {
                    OnnxTensor p = (OnnxTensor) result.get(evaluationLayout.probabilities()).orElseThrow();
                    return new Evaluation(scalar(result.get(evaluationLayout.loss()).orElseThrow()),
                            new Prediction(floats(p), p.getInfo().getShape()));
                }
            } finally {
                created.forEach(OnnxTensor::close);
            }
        } catch (OrtException e) {
            throw new SessionException("evaluation failed", e);
        }
    }

    /** The loss and output of {@link #evaluate(Batch)}. */
    public record Evaluation(float loss, Prediction prediction) {
    }

    /** The current value of a parameter (for graphs that run with this session's weights). */
    OnnxTensor parameter(String name) {
        if (!layout.parameters().contains(name)) {
            throw new IllegalArgumentException("not a parameter of this training: " + name);
        }
        return carried.get(name);
    }

    /**
     * Replaces buffers (running statistics) with new values; the next step and evaluation use them. The
     * values set by an earlier call are released: a step has replaced them, or this call does.
     */
    void setBuffers(Map<String, float[]> values) throws OrtException {
        List<OnnxTensor> previous = new ArrayList<>(setBuffers);
        setBuffers.clear();
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            if (!layout.buffers().contains(e.getKey())) {
                throw new IllegalArgumentException("not a buffer of this training: " + e.getKey());
            }
            OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue()), shapes.get(e.getKey()));
            setBuffers.add(t);
            carried.put(e.getKey(), t);
        }
        for (OnnxTensor t : previous) {
            if (!carried.containsValue(t)) {
                t.close();
            } else {
                setBuffers.add(t);
            }
        }
    }

    /** A copy of the current parameters and buffers. */
    public Weights weights() {
        Weights w = new Weights();
        for (String name : layout.parameters()) {
            w.put(name, shapes.get(name), floats(carried.get(name)));
        }
        for (String name : layout.buffers()) {
            w.put(name, shapes.get(name), floats(carried.get(name)));
        }
        return w;
    }

    /** A copy of the optimizer's current state, for resuming later. */
    public Weights optimizerState() {
        Weights w = new Weights();
        for (String name : layout.optimizerState()) {
            w.put(name, shapes.get(name), floats(carried.get(name)));
        }
        return w;
    }

    private static OnnxTensor track(List<OnnxTensor> created, OnnxTensor t) {
        created.add(t);
        return t;
    }

    private static float scalar(OnnxValue v) {
        return ((OnnxTensor) v).getFloatBuffer().get(0);
    }

    static float[] floats(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] values = new float[b.remaining()];
        b.get(values);
        return values;
    }

    @Override
    public void close() throws SessionException {
        try {
            try {
                if (latest != null) {
                    latest.close();
                }
                owned.forEach(OnnxTensor::close);
                setBuffers.forEach(OnnxTensor::close);
            } finally {
                try {
                    training.close();
                } finally {
                    evaluation.close();
                }
            }
        } catch (OrtException e) {
            throw new SessionException("closing the session failed", e);
        }
    }
}
