package keras4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.backend.Context;
import keras4j.backend.KerasVariable;
import keras4j.backend.Names;
import keras4j.backend.Shapes;
import keras4j.initializers.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.layers.Layer}. A layer checks its arguments when constructed, creates its weights once in
 * {@link #build(long[])} from the first input's shape, and computes in {@link #call(Ops, Operand, boolean)};
 * {@link #apply(KerasTensor)} runs {@code build} once and records the call.
 */
public abstract class Layer {
  private String name;
  private boolean trainable = true;
  private boolean built;
  private long[] batchInputShape;
  private InputSpec inputSpec;
  private final List<KerasVariable> weights = new ArrayList<>();
  private final List<Node> inboundNodes = new ArrayList<>();
  private Context context;

  protected Layer() {}

  /** The prefix of auto-generated names: Keras's snake_case class name. */
  protected String namePrefix() {
    return Names.snakeCase(className());
  }

  /** The Keras class name of this layer ("Dense"), as written to configs and summaries. */
  public String className() {
    return getClass().getSimpleName();
  }

  /** Keras's {@code layer.name}; assigned on first use as {@code dense}, {@code dense_1}, ... */
  public String name() {
    if (name == null) {
      name = Context.current().uniqueName(namePrefix());
    }
    return name;
  }

  /** Sets the name (Keras's {@code name=} argument). */
  public Layer name(String newName) {
    if (newName == null || newName.isBlank()) {
      throw new IllegalArgumentException("A layer name must be a non-empty string, received '" + newName + "'");
    }
    this.name = newName;
    return this;
  }

  public boolean trainable() {
    return trainable;
  }

  /** Freezes or unfreezes the layer's weights (Keras's {@code layer.trainable = False}). */
  public Layer trainable(boolean t) {
    this.trainable = t;
    return this;
  }

  /** Keras's {@code input_shape=} argument, without the batch dimension. */
  public Layer inputShape(long... dims) {
    for (long d : dims) {
      if (d <= 0 && d != -1) {
        throw new IllegalArgumentException("Input shape dimensions must be positive (or -1 for None), received "
            + Arrays.toString(dims) + " for layer " + name());
      }
    }
    this.batchInputShape = Shapes.withBatch(-1, dims);
    return this;
  }

  /** Keras's {@code batch_input_shape}: the input shape with its batch dimension, or null. */
  public long[] batchInputShape() {
    return batchInputShape == null ? null : batchInputShape.clone();
  }

  protected void setBatchInputShape(long[] shape) {
    this.batchInputShape = shape == null ? null : shape.clone();
  }

  public boolean built() {
    return built;
  }

  /** Options may only change before the layer creates its weights. */
  protected void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("Layer " + name() + " is already built; set its options before calling it");
    }
  }

  protected void inputSpec(InputSpec spec) {
    this.inputSpec = spec;
  }

  /** Calls the layer on one symbolic tensor: Keras's {@code layer(x)}. */
  public final KerasTensor apply(KerasTensor input) {
    List<KerasTensor> out = apply(java.util.Collections.singletonList(input));
    if (out.size() != 1) {
      throw new IllegalStateException("Layer " + name() + " returns " + out.size() + " tensors; use apply(List)");
    }
    return out.get(0);
  }

  /** Calls the layer on several symbolic tensors: Keras's {@code layer([a, b])}. */
  public final List<KerasTensor> apply(List<KerasTensor> inputs) {
    if (inputs == null || inputs.isEmpty() || inputs.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("Layer " + name() + " was called without an input tensor");
    }
    List<long[]> shapes = new ArrayList<>();
    for (KerasTensor t : inputs) {
      shapes.add(t.shape());
    }
    checkInputs(shapes);
    if (!built) {
      buildOnce(shapes);
    }
    List<long[]> outShapes = computeOutputShapes(shapes);
    for (long[] o : outShapes) {
      keras4j.backend.Limits.elements("The output of layer " + name(), o);
    }
    Node node = new Node(this, inputs, outShapes, inboundNodes.size() + nodeIndexOffset());
    inboundNodes.add(node);
    return node.outputs();
  }

  /**
   * Where this layer's call indices start: 0, or 1 for models, whose node 0 is their own graph in tf.keras's
   * numbering ({@code sequential[1][0]}).
   */
  protected int nodeIndexOffset() {
    return 0;
  }

  /** Records the input-less call of an {@link InputLayer}. */
  final KerasTensor inputNode(long[] shape) {
    Node node = new Node(this, List.of(), List.of(shape), inboundNodes.size());
    inboundNodes.add(node);
    return node.outputs().get(0);
  }

  /** Builds the layer for these input shapes if it was not built yet: Keras's {@code layer.build(shape)}. */
  public final void buildOnce(List<long[]> shapes) {
    if (built) {
      return;
    }
    context = Context.current();
    if (shapes.size() == 1) {
      build(shapes.get(0));
    } else {
      build(shapes);
    }
    built = true;
  }

  private void checkInputs(List<long[]> shapes) {
    if (inputSpec != null) {
      for (int i = 0; i < shapes.size(); i++) {
        inputSpec.check(shapes.get(i), i, name());
      }
    }
    if (context != null && context.isClosed() && !weights.isEmpty()) {
      throw new IllegalStateException("Layer " + name() + " belongs to a cleared backend session; build it again");
    }
  }

  /** Creates the layer's weights for a single input of this shape (batch dimension first, -1 if unknown). */
  protected void build(long[] inputShape) {}

  /** Creates the layer's weights for several inputs. */
  protected void build(List<long[]> inputShapes) {
    build(inputShapes.get(0));
  }

  /** Output shape for one input. */
  public long[] computeOutputShape(long[] inputShape) {
    return inputShape.clone();
  }

  /** Output shapes for the given input shapes. */
  public List<long[]> computeOutputShapes(List<long[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw new IllegalArgumentException("Layer " + name() + " expects 1 input, but it received "
          + inputShapes.size() + " input tensors");
    }
    return List.of(computeOutputShape(inputShapes.get(0)));
  }

  /** Computes the outputs from graph values: Keras's {@code layer.call(inputs, training)}. */
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("Layer " + name() + " expects 1 input, but it received "
          + inputs.size() + " input tensors");
    }
    return List.of(call(tf, inputs.get(0), training));
  }

  /** Computes the output of a single-input layer. */
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    throw new UnsupportedOperationException(className() + " takes several inputs");
  }

  /** Keras's {@code add_weight}: a variable created once, in the layer's build. */
  protected KerasVariable addWeight(String weightName, long[] shape, Initializer initializer, boolean trainable) {
    Context ctx = context != null ? context : Context.current();
    context = ctx;
    keras4j.backend.Limits.weight("Weight " + name() + "/" + weightName + " of layer " + name(), shape);
    float[] init = initializer.generate(shape, ctx.random());
    KerasVariable v = ctx.newVariable(name() + "/" + weightName, shape, init, trainable);
    weights.add(v);
    return v;
  }

  /** Every weight the layer created, in creation order. */
  protected List<KerasVariable> ownWeights() {
    return Collections.unmodifiableList(weights);
  }

  /** Keras's {@code layer.weights}: trainable weights, then non-trainable ones. */
  public List<KerasVariable> weights() {
    List<KerasVariable> all = new ArrayList<>(trainableWeights());
    all.addAll(nonTrainableWeights());
    return all;
  }

  public List<KerasVariable> trainableWeights() {
    List<KerasVariable> out = new ArrayList<>();
    if (trainable) {
      for (KerasVariable v : weights) {
        if (v.trainable()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  public List<KerasVariable> nonTrainableWeights() {
    List<KerasVariable> out = new ArrayList<>();
    for (KerasVariable v : weights) {
      if (!trainable || !v.trainable()) {
        out.add(v);
      }
    }
    return out;
  }

  /** Keras's {@code get_weights()}: copies of the weights' values. */
  public List<FloatNdArray> getWeights() {
    List<KerasVariable> ws = weights();
    if (ws.isEmpty()) {
      return new ArrayList<>();
    }
    return ws.get(0).context().read(ws);
  }

  /** Keras's {@code set_weights(weights)}; counts and shapes must match. */
  public void setWeights(List<FloatNdArray> values) {
    List<KerasVariable> ws = weights();
    if (values.size() != ws.size()) {
      throw new IllegalArgumentException("You called setWeights on layer " + name() + " with a weight list of length "
          + values.size() + ", but the layer was expecting " + ws.size() + " weights");
    }
    for (int i = 0; i < ws.size(); i++) {
      long[] expected = ws.get(i).shape();
      long[] got = values.get(i).shape().asArray();
      if (!Arrays.equals(expected, got)) {
        throw new IllegalArgumentException("Layer " + name() + " weight " + ws.get(i).name() + ": expected shape "
            + Shapes.format(expected) + ", received " + Shapes.format(got));
      }
    }
    if (!ws.isEmpty()) {
      ws.get(0).context().assign(ws, values);
    }
  }

  /** Keras's {@code count_params()}. */
  public long countParams() {
    if (!built) {
      throw new IllegalStateException("You tried to call countParams on layer " + name()
          + ", but the layer isn't built. Call it on an input first, or give it an input shape.");
    }
    long n = 0;
    for (KerasVariable v : weights()) {
      n += v.size();
    }
    return n;
  }

  /** Keras's {@code layer.inbound_nodes}: every call of this layer. */
  public List<Node> inboundNodes() {
    return Collections.unmodifiableList(inboundNodes);
  }

  /** Keras's {@code layer.output_shape}, when every call gave the same shape. */
  public long[] outputShape() {
    if (inboundNodes.isEmpty()) {
      throw new IllegalStateException("The layer " + name() + " has never been called and thus has no defined output shape");
    }
    long[] first = inboundNodes.get(0).outputs().get(0).shape();
    for (Node n : inboundNodes) {
      if (!Arrays.equals(first, n.outputs().get(0).shape())) {
        throw new IllegalStateException("The layer " + name() + " has multiple inbound nodes with different output shapes");
      }
    }
    return first;
  }

  /**
   * Keras's {@code get_config()}: the arguments that rebuild this layer, with tf.keras 2.x key names; the saving
   * package converts them to the Keras 3 dialect where that differs.
   */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name());
    c.put("trainable", trainable);
    c.put("dtype", "float32");
    if (batchInputShape != null) {
      c.put("batch_input_shape", Shapes.toList(batchInputShape));
    }
    return c;
  }

  /** The activation this layer applies, or null when it has none. */
  public keras4j.activations.ActivationFunction activationFunction() {
    return null;
  }

  /** The backend context the weights live in (null before build). */
  public Context context() {
    return context;
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name() + ", built=" + built + ">";
  }
}
