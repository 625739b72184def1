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
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
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
  private Regularizer activityRegularizer;
  private final Map<String, Regularizer> weightRegularizers = new LinkedHashMap<>();
  private final Map<String, Constraint> weightConstraints = new LinkedHashMap<>();
  private final Map<KerasVariable, Regularizer> variableRegularizers = new java.util.IdentityHashMap<>();
  private final Map<KerasVariable, Constraint> variableConstraints = new java.util.IdentityHashMap<>();

  /** A layer with a name given on first use, as Keras's {@code Layer()}. */
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

  /** Keras's {@code layer.trainable}. */
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

  /** Keras's {@code batch_input_shape}: the input shape with the batch dimension (null for any). */
  protected void setBatchInputShape(long[] shape) {
    this.batchInputShape = shape == null ? null : shape.clone();
  }

  /** Keras's {@code layer.built}: whether {@code build} created the weights. */
  public boolean built() {
    return built;
  }

  /** Options may only change before the layer creates its weights. */
  protected void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("Layer " + name() + " is already built; set its options before calling it");
    }
  }

  /** Keras's {@code layer.input_spec}: what inputs {@code apply} accepts. */
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

  /**
   * Keras's {@code layer.call(inputs, mask=..., training=...)} for layers that read masks (recurrent layers,
   * wrappers): {@code masks} holds one boolean {@code [batch, time]} tensor or null per input. The default ignores
   * the masks.
   */
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      boolean training) {
    return call(tf, inputs, training);
  }

  /** Keras's {@code supports_masking}: whether {@link #computeMask} passes the first input's mask on. */
  public boolean supportsMasking() {
    return false;
  }

  /**
   * Keras's {@code compute_mask(inputs, previous_mask)}: one mask (or null) per output. The default passes the first
   * input's mask to every output when {@link #supportsMasking()}, else gives none.
   */
  public List<Operand<TBool>> computeMask(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      int outputs) {
    Operand<TBool> m = supportsMasking() && masks != null && !masks.isEmpty() ? masks.get(0) : null;
    return Collections.nCopies(outputs, m);
  }

  /**
   * The sub-layers Keras tracks as attributes and saves as nested objects in {@code .weights.h5}
   * ({@code cell} of an RNN, {@code layer} of a wrapper), by attribute name; their weights are theirs, not this
   * layer's own.
   */
  public Map<String, Layer> trackedLayers() {
    return Map.of();
  }

  /** True for layers that create a mask from their inputs ({@code Masking}, {@code Embedding(mask_zero=True)}). */
  public boolean producesMask() {
    return false;
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
    Regularizer r = weightRegularizers.get(weightName);
    if (r != null) {
      variableRegularizers.put(v, r);
    }
    Constraint c = weightConstraints.get(weightName);
    if (c != null) {
      variableConstraints.put(v, c);
    }
    return v;
  }

  // ---------------------------------------------------------------- losses, regularizers, constraints

  /**
   * Runs {@code call} (with the inputs' masks when any, else without) and records what Keras's {@code Layer.__call__} records: the activity
   * regularizer's penalty of each output, divided by the batch size (Keras 3).
   */
  public final List<Operand<TFloat32>> callTracked(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      boolean training) {
    List<Operand<TFloat32>> out = masks == null ? call(tf, inputs, training) : call(tf, inputs, masks, training);
    if (activityRegularizer != null && LossScope.active()) {
      for (Operand<TFloat32> o : out) {
        Operand<TFloat32> loss = activityRegularizer.call(tf, o);
        if (o.shape().numDimensions() > 0) {
          Operand<TFloat32> batch = tf.dtypes.cast(tf.gather(tf.shape(o), tf.constant(0), tf.constant(0)),
              TFloat32.class);
          loss = tf.math.divNoNan(loss, batch);
        }
        addLoss(loss);
      }
    }
    return out;
  }

  /**
   * Keras's {@code layer.add_loss(loss)}: called from {@code call}, adds the sum of {@code loss} to the loss of the
   * training and test steps being built; ignored in inference.
   */
  public void addLoss(Operand<TFloat32> loss) {
    if (loss == null) {
      throw new IllegalArgumentException("Layer " + name() + ": addLoss needs a tensor, received null");
    }
    LossScope.add(loss);
  }

  /** Keras's {@code activity_regularizer=}: a penalty of the layer's outputs added to the training loss. */
  protected void setActivityRegularizer(Regularizer r) {
    checkNotBuilt();
    this.activityRegularizer = r;
  }

  /** The activity regularizer, or null. */
  public Regularizer activityRegularizer() {
    return activityRegularizer;
  }

  /**
   * Attaches a regularizer to the weight this layer creates under {@code weightName} ("kernel", "bias", "gamma"):
   * the mechanism behind {@code kernel_regularizer=} and its kin for every layer.
   */
  protected void setWeightRegularizer(String weightName, Regularizer r) {
    checkNotBuilt();
    if (r == null) {
      weightRegularizers.remove(weightName);
    } else {
      weightRegularizers.put(weightName, r);
    }
  }

  /** Attaches a constraint, applied after each optimizer step, to the weight named {@code weightName}. */
  protected void setWeightConstraint(String weightName, Constraint c) {
    checkNotBuilt();
    if (c == null) {
      weightConstraints.remove(weightName);
    } else {
      weightConstraints.put(weightName, c);
    }
  }

  /** The regularizer given for a weight name, or null. */
  public Regularizer weightRegularizer(String weightName) {
    return weightRegularizers.get(weightName);
  }

  /** The constraint given for a weight name, or null. */
  public Constraint weightConstraint(String weightName) {
    return weightConstraints.get(weightName);
  }

  /**
   * The weight-regularization penalties of this layer's trainable weights (Keras's
   * {@code _get_regularization_losses}), computed on their current values.
   */
  public final List<Operand<TFloat32>> regularizationLosses(Ops tf) {
    List<Operand<TFloat32>> out = new ArrayList<>();
    regularizers().forEach((v, r) -> out.add(r.call(tf, v.value())));
    return out;
  }

  /** The regularizers of this layer's trainable weights (each weight once, also through nested models). */
  public Map<KerasVariable, Regularizer> regularizers() {
    Map<KerasVariable, Regularizer> out = new LinkedHashMap<>();
    for (KerasVariable v : trainableWeights()) {
      Regularizer r = variableRegularizers.get(v);
      if (r != null) {
        out.put(v, r);
      }
    }
    return out;
  }

  /** The constraints of this layer's trainable weights, applied by the optimizer step. */
  public Map<KerasVariable, Constraint> constraints() {
    Map<KerasVariable, Constraint> out = new LinkedHashMap<>();
    for (KerasVariable v : trainableWeights()) {
      Constraint c = variableConstraints.get(v);
      if (c != null) {
        out.put(v, c);
      }
    }
    return out;
  }

  /**
   * Writes {@code <w>_regularizer} for each weight name, {@code activity_regularizer}, then {@code <w>_constraint},
   * as Keras's get_config does (null when absent).
   */
  protected void putRegularizerConfig(Map<String, Object> c, String... weightNames) {
    putRegularizerConfig(c, true, weightNames);
  }

  /**
   * As {@link #putRegularizerConfig(Map, String...)} for layers whose Keras config has no {@code activity_regularizer}
   * key of its own: that key is written only when set, as Keras's base {@code Layer.get_config} does.
   */
  protected void putWeightRegularizerConfig(Map<String, Object> c, String... weightNames) {
    putRegularizerConfig(c, activityRegularizer != null, weightNames);
  }

  private void putRegularizerConfig(Map<String, Object> c, boolean withActivity, String... weightNames) {
    for (String w : weightNames) {
      c.put(w + "_regularizer", Regularizers.serialize(weightRegularizers.get(w)));
    }
    if (withActivity) {
      c.put("activity_regularizer", Regularizers.serialize(activityRegularizer));
    }
    for (String w : weightNames) {
      c.put(w + "_constraint", Constraints.serialize(weightConstraints.get(w)));
    }
  }

  /** Reads what {@link #putRegularizerConfig} writes. */
  protected void readRegularizerConfig(LayerConfig c, String... weightNames) {
    for (String w : weightNames) {
      setWeightRegularizer(w, c.getRegularizer(w + "_regularizer"));
      setWeightConstraint(w, c.getConstraint(w + "_constraint"));
    }
    setActivityRegularizer(c.getRegularizer("activity_regularizer"));
  }

  /** Keras's {@code layer.input}: the input tensor of the layer's first call. */
  public KerasTensor input() {
    return single(firstNode("input").inputs(), "input");
  }

  /** Keras's {@code layer.output}: the output tensor of the layer's first call. */
  public KerasTensor output() {
    return single(firstNode("output").outputs(), "output");
  }

  private Node firstNode(String what) {
    if (inboundNodes.isEmpty()) {
      throw new IllegalStateException("The layer " + name() + " has never been called and thus has no defined " + what);
    }
    return inboundNodes.get(0);
  }

  private KerasTensor single(List<KerasTensor> ts, String what) {
    if (ts.size() != 1) {
      throw new IllegalStateException("Layer " + name() + " has " + ts.size() + " " + what + " tensors; use inboundNodes()"
          + ".get(0)." + what + "s()");
    }
    return ts.get(0);
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

  /** Keras's {@code layer.trainable_weights}. */
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

  /** Keras's {@code layer.non_trainable_weights}. */
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
