package keras4j.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import keras4j.backend.Backend;
import keras4j.backend.Compatibility;
import keras4j.backend.KerasVariable;
import keras4j.backend.Names;
import keras4j.backend.Shapes;
import keras4j.layers.InputLayer;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;
import keras4j.losses.Loss;
import keras4j.losses.LossFunction;
import keras4j.losses.Losses;
import keras4j.metrics.Metric;
import keras4j.metrics.Metrics;
import keras4j.optimizers.Optimizer;
import keras4j.optimizers.Optimizers;
import keras4j.utils.LayerGraph;
import keras4j.utils.LayerUtils;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's functional {@code Model(inputs, outputs)}: a graph of layer calls from input tensors to output tensors.
 * Built from any tensors of the graph, so encoder and decoder sub-models share the autoencoder's layers and
 * weights. A model is itself a layer: {@code encoder.apply(x)} nests it. It owns native resources (the data it
 * trains on, cached in TensorFlow) and releases them on {@link #close()}.
 */
public class Model extends Layer implements AutoCloseable, LayerGraph {
  private List<KerasTensor> inputs = List.of();
  private List<KerasTensor> outputs = List.of();
  /** Layer calls in execution order (inputs first). */
  private List<Node> nodes = List.of();
  private List<Layer> layers = List.of();
  private Map<Node, Integer> nodeDepths = Map.of();
  /** Input layers made for inputs that are intermediate tensors of another graph. */
  private final Map<KerasTensor, InputLayer> synthesizedInputs = new IdentityHashMap<>();

  private Optimizer optimizer;
  private Loss loss;
  private List<String> metricNames = List.of();
  private TrainEngine engine;
  private StreamEngine stream;
  private boolean stopTraining;
  private boolean inFit;
  private final List<GraphLoss> graphLosses = new ArrayList<>();
  private List<Metric> metricObjects = List.of();
  private StepState step;

  /** {@code Model(input, output)}. */
  public Model(KerasTensor input, KerasTensor output) {
    this(java.util.Collections.singletonList(input), java.util.Collections.singletonList(output));
  }

  /** {@code Model(inputs=[...], outputs=[...])}. */
  public Model(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    if (inputs == null || outputs == null || inputs.isEmpty() || outputs.isEmpty()
        || inputs.stream().anyMatch(java.util.Objects::isNull) || outputs.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("A Model needs at least one input tensor and one output tensor, received inputs="
          + inputs + ", outputs=" + outputs);
    }
    initNetwork(inputs, outputs);
  }

  /** For subclasses that set their graph later ({@link Sequential}). */
  protected Model() {}

  @Override
  protected String namePrefix() {
    return Backend.compatibility().functionalModelPrefix();
  }

  @Override
  public String className() {
    return Backend.compatibility() == Compatibility.KERAS_2 ? "Model" : "Functional";
  }

  /** Maps the graph from outputs back to inputs, as Keras's {@code _map_graph_network}. */
  protected final void initNetwork(List<KerasTensor> ins, List<KerasTensor> outs) {
    Set<KerasTensor> inputSet = Collections.newSetFromMap(new IdentityHashMap<>());
    inputSet.addAll(ins);
    if (inputSet.size() != ins.size()) {
      throw new IllegalArgumentException("The same tensor is listed twice among the model's inputs: " + ins);
    }
    List<Node> order = new ArrayList<>();
    Map<Layer, Integer> layerIndex = new IdentityHashMap<>();
    Set<Node> finished = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    for (KerasTensor out : outs) {
      visit(out, inputSet, order, layerIndex, finished, inProgress);
    }
    synthesizedInputs.clear();
    for (KerasTensor in : ins) {
      if (!(in.layer() instanceof InputLayer)) {
        synthesizedInputs.put(in, new InputLayer(in.shape(), null));
      }
    }
    checkConnected(order, inputSet);

    Map<Node, Integer> nodeDepth = new IdentityHashMap<>();
    Map<Layer, Integer> layerDepth = new IdentityHashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      Node node = order.get(i);
      int depth = Math.max(nodeDepth.getOrDefault(node, 0), layerDepth.getOrDefault(node.layer(), 0));
      layerDepth.put(node.layer(), depth);
      nodeDepth.put(node, depth);
      if (node.isInput()) {
        continue;
      }
      for (KerasTensor x : node.inputs()) {
        if (inputSet.contains(x) && !(x.layer() instanceof InputLayer)) {
          continue;
        }
        nodeDepth.merge(x.node(), depth + 1, Math::max);
      }
    }
    for (KerasTensor in : ins) {
      if (in.layer() instanceof InputLayer && !layerDepth.containsKey(in.layer())) {
        layerDepth.put(in.layer(), 0);
        layerIndex.put(in.layer(), -1);
        order.add(0, in.node());
      }
    }
    Map<Integer, List<Layer>> byDepth = new java.util.TreeMap<>(Collections.reverseOrder());
    for (Map.Entry<Layer, Integer> e : layerDepth.entrySet()) {
      byDepth.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
    }
    List<Layer> ordered = new ArrayList<>(synthesizedInputs.values());
    for (List<Layer> ls : byDepth.values()) {
      ls.sort((a, b) -> Integer.compare(layerIndex.get(a), layerIndex.get(b)));
      ordered.addAll(ls);
    }
    this.inputs = List.copyOf(ins);
    this.outputs = List.copyOf(outs);
    this.nodes = List.copyOf(order);
    this.layers = List.copyOf(ordered);
    for (Node n : order) {
      nodeDepth.putIfAbsent(n, 0);
    }
    this.nodeDepths = nodeDepth;
    Set<String> names = new HashSet<>();
    for (Layer l : layers) {
      if (!names.add(l.name())) {
        throw new IllegalArgumentException("The name \"" + l.name() + "\" is used 2 times in the model. All layer names should be unique.");
      }
    }
    if (!built()) {
      List<long[]> shapes = new ArrayList<>();
      for (KerasTensor t : ins) {
        shapes.add(t.shape());
      }
      buildOnce(shapes);
    }
    engine = null;
    stream = null;
  }

  /** Depth-first from {@code t} to the inputs, without recursion (a 5,000-layer stack must not overflow the stack). */
  private static void visit(KerasTensor t, Set<KerasTensor> inputSet, List<Node> order, Map<Layer, Integer> layerIndex,
      Set<Node> finished, Set<Node> inProgress) {
    Node start = enter(t, inputSet, layerIndex, finished, inProgress);
    if (start == null) {
      return;
    }
    java.util.ArrayDeque<Node> path = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<int[]> next = new java.util.ArrayDeque<>();
    path.push(start);
    next.push(new int[1]);
    while (!path.isEmpty()) {
      Node node = path.peek();
      int[] i = next.peek();
      if (i[0] < node.inputs().size()) {
        Node child = enter(node.inputs().get(i[0]++), inputSet, layerIndex, finished, inProgress);
        if (child != null) {
          path.push(child);
          next.push(new int[1]);
        }
      } else {
        path.pop();
        next.pop();
        finished.add(node);
        inProgress.remove(node);
        order.add(node);
      }
    }
  }

  private static Node enter(KerasTensor t, Set<KerasTensor> inputSet, Map<Layer, Integer> layerIndex,
      Set<Node> finished, Set<Node> inProgress) {
    if (inputSet.contains(t) && !(t.layer() instanceof InputLayer)) {
      return null;
    }
    Node node = t.node();
    if (inProgress.contains(node)) {
      throw new IllegalArgumentException("The graph of the model has a cycle at layer " + node.layer().name());
    }
    if (finished.contains(node)) {
      return null;
    }
    layerIndex.putIfAbsent(node.layer(), layerIndex.size());
    inProgress.add(node);
    return node;
  }

  private static void checkConnected(List<Node> order, Set<KerasTensor> inputSet) {
    Set<KerasTensor> computable = Collections.newSetFromMap(new IdentityHashMap<>());
    computable.addAll(inputSet);
    List<String> fine = new ArrayList<>();
    for (Node node : order) {
      if (node.isInput()) {
        KerasTensor t = node.outputs().get(0);
        if (!inputSet.contains(t)) {
          continue;
        }
      } else {
        for (KerasTensor x : node.inputs()) {
          if (!computable.contains(x)) {
            throw new IllegalArgumentException("Graph disconnected: cannot obtain value for tensor " + x + " at layer \""
                + node.layer().name() + "\". The following previous layers were accessed without issue: " + fine);
          }
        }
      }
      computable.addAll(node.outputs());
      fine.add(node.layer().name());
    }
  }

  // ---------------------------------------------------------------- structure

  /** Keras's {@code model.inputs}. */
  public List<KerasTensor> inputs() {
    return inputs;
  }

  /** Keras's {@code model.outputs}. */
  public List<KerasTensor> outputs() {
    return outputs;
  }

  /** Keras's {@code model.layers}; a functional model lists its input layers. */
  public List<Layer> layers() {
    return layers;
  }

  /** Keras's {@code model.layers[i]}; negative indices count from the end. */
  public Layer layer(int index) {
    List<Layer> ls = layers();
    int i = index < 0 ? ls.size() + index : index;
    if (i < 0 || i >= ls.size()) {
      throw new IndexOutOfBoundsException("Layer index " + index + " is out of range: the model " + name() + " has "
          + ls.size() + " layers");
    }
    return ls.get(i);
  }

  /** Keras's {@code model.get_layer(name)}. */
  public Layer getLayer(String layerName) {
    for (Layer l : layers()) {
      if (l.name().equals(layerName)) {
        return l;
      }
    }
    List<String> known = new ArrayList<>();
    layers().forEach(l -> known.add(l.name()));
    throw new IllegalArgumentException("No such layer: " + layerName + ". Existing layers are: " + known);
  }

  /** The layer calls of this model's graph, inputs first. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Input shapes (batch first) of the model. */
  public List<long[]> inputShapes() {
    List<long[]> s = new ArrayList<>();
    for (KerasTensor t : inputs) {
      s.add(t.shape());
    }
    return s;
  }

  /** Output shapes (batch first) of the model. */
  public List<long[]> outputShapes() {
    List<long[]> s = new ArrayList<>();
    for (KerasTensor t : outputs) {
      s.add(t.shape());
    }
    return s;
  }

  /** The input layer feeding input {@code i} (made by the model when the input was an intermediate tensor). */
  public InputLayer inputLayer(int i) {
    KerasTensor t = inputs.get(i);
    InputLayer s = synthesizedInputs.get(t);
    return s != null ? s : (InputLayer) t.layer();
  }

  /** Keras's {@code model.trainable = ...}: sets the flag on the model and on every layer it holds. */
  @Override
  public Model trainable(boolean t) {
    super.trainable(t);
    for (Layer l : layers()) {
      l.trainable(t);
    }
    return this;
  }

  /** Keras's {@code name=} argument of {@code Model}. */
  @Override
  public Model name(String newName) {
    super.name(newName);
    return this;
  }

  // ---------------------------------------------------------------- as a layer

  @Override
  protected int nodeIndexOffset() {
    return 1;
  }

  @Override
  public List<long[]> computeOutputShapes(List<long[]> inputShapes) {
    if (inputShapes.size() != inputs.size()) {
      throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + inputs.size() + " input(s), but it received "
          + inputShapes.size() + " input tensors");
    }
    Map<KerasTensor, long[]> shapes = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      long[] expected = inputs.get(i).shape();
      long[] got = inputShapes.get(i);
      if (!Shapes.compatible(expected, got)) {
        throw new IllegalArgumentException("Input " + i + " of layer \"" + name() + "\" is incompatible with the layer: expected shape="
            + Shapes.format(expected) + ", found shape=" + Shapes.format(got));
      }
      shapes.put(inputs.get(i), got);
    }
    for (Node node : nodes) {
      if (node.isInput()) {
        continue;
      }
      List<long[]> in = new ArrayList<>();
      for (KerasTensor x : node.inputs()) {
        in.add(shapes.get(x));
      }
      List<long[]> out = node.layer().computeOutputShapes(in);
      for (int k = 0; k < out.size(); k++) {
        shapes.put(node.outputs().get(k), out.get(k));
      }
    }
    List<long[]> result = new ArrayList<>();
    for (KerasTensor o : outputs) {
      result.add(shapes.get(o));
    }
    return result;
  }

  /** Runs the graph on graph values: Keras's {@code model(inputs, training=...)}. */
  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> values, boolean training) {
    return callWithMasks(tf, values, training).outputs();
  }

  /** The outputs of a call and Keras's masks of those outputs (null where an output carries none). */
  record Called(List<Operand<TFloat32>> outputs, List<Operand<TBool>> masks) {}

  /** {@link #call} that also returns the outputs' masks, which Keras 3 applies to the loss and metrics. */
  Called callWithMasks(Ops tf, List<Operand<TFloat32>> values, boolean training) {
    if (values.size() != inputs.size()) {
      throw new IllegalArgumentException("Model " + name() + " expects " + inputs.size() + " inputs, received "
          + values.size());
    }
    Map<KerasTensor, Operand<TFloat32>> env = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      env.put(inputs.get(i), values.get(i));
    }
    Map<KerasTensor, Operand<TBool>> maskEnv = new IdentityHashMap<>();
    for (Node node : nodes) {
      if (node.isInput()) {
        continue;
      }
      List<Operand<TFloat32>> in = new ArrayList<>();
      List<Operand<TBool>> inMasks = new ArrayList<>();
      for (KerasTensor x : node.inputs()) {
        in.add(env.get(x));
        inMasks.add(maskEnv.get(x));
      }
      Layer layer = node.layer();
      Ops scope = tf.withSubScope(Names.sanitize(layer.name()));
      boolean masked = inMasks.stream().anyMatch(java.util.Objects::nonNull);
      List<Operand<TFloat32>> out = layer.callTracked(scope, in, masked ? inMasks : null, training);
      if (masked || layer.producesMask()) {
        List<Operand<TBool>> outMasks = layer.computeMask(scope, in, inMasks, out.size());
        for (int k = 0; k < out.size(); k++) {
          if (outMasks.get(k) != null) {
            maskEnv.put(node.outputs().get(k), outMasks.get(k));
          }
        }
      }
      for (int k = 0; k < out.size(); k++) {
        env.put(node.outputs().get(k), out.get(k));
      }
    }
    if (!graphLosses.isEmpty() && keras4j.layers.LossScope.active()) {
      java.util.function.Function<KerasTensor, Operand<TFloat32>> value = t -> {
        Operand<TFloat32> v = env.get(t);
        if (v == null) {
          throw new IllegalArgumentException("A loss added to model " + name() + " uses tensor " + t
              + ", which is not computed by this model's graph");
        }
        return v;
      };
      for (GraphLoss g : graphLosses) {
        addLoss(g.call(tf, value));
      }
    }
    List<Operand<TFloat32>> result = new ArrayList<>();
    List<Operand<TBool>> masks = new ArrayList<>();
    for (KerasTensor o : outputs) {
      result.add(env.get(o));
      masks.add(maskEnv.get(o));
    }
    return new Called(result, masks);
  }

  /**
   * tf.keras's {@code model.add_loss(tensor)} for a loss built from the model's tensors: added to the loss of every
   * training and test step. {@code vae.addLoss((tf, v) -> klLoss(tf, v.apply(zMean), v.apply(zLogVar)))}.
   */
  public Model addLoss(GraphLoss loss) {
    if (loss == null) {
      throw new IllegalArgumentException("addLoss needs a loss function, received null");
    }
    graphLosses.add(loss);
    if (engine != null) {
      engine.resetTraining();
    }
    return this;
  }

  /** The regularizers of every trainable weight of the model, each weight once (shared layers included). */
  @Override
  public Map<KerasVariable, keras4j.regularizers.Regularizer> regularizers() {
    Map<KerasVariable, keras4j.regularizers.Regularizer> out = new LinkedHashMap<>(super.regularizers());
    for (Layer l : layers()) {
      l.regularizers().forEach(out::putIfAbsent);
    }
    return out;
  }

  /** The constraints of every trainable weight of the model. */
  @Override
  public Map<KerasVariable, keras4j.constraints.Constraint> constraints() {
    Map<KerasVariable, keras4j.constraints.Constraint> out = new LinkedHashMap<>(super.constraints());
    for (Layer l : layers()) {
      l.constraints().forEach(out::putIfAbsent);
    }
    return out;
  }

  /** Keras's {@code model.input}: the model's single input tensor. */
  @Override
  public KerasTensor input() {
    if (inputs.size() != 1) {
      throw new IllegalStateException("Model " + name() + " has " + inputs.size() + " inputs; use inputs()");
    }
    return inputs.get(0);
  }

  /** Keras's {@code model.output}: the model's single output tensor. */
  @Override
  public KerasTensor output() {
    if (outputs.size() != 1) {
      throw new IllegalStateException("Model " + name() + " has " + outputs.size() + " outputs; use outputs()");
    }
    return outputs.get(0);
  }

  // ---------------------------------------------------------------- weights

  /**
   * Keras's {@code model.weights}. Keras 3 lists each layer's weights in turn; tf.keras 2 lists every trainable
   * weight first, then the non-trainable ones (they differ only with non-trainable weights such as BatchNorm's
   * moving statistics): {@link Backend#compatibility()} decides.
   */
  @Override
  public List<KerasVariable> weights() {
    if (Backend.compatibility() == Compatibility.KERAS_3) {
      List<KerasVariable> all = new ArrayList<>();
      Set<KerasVariable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Layer l : layers()) {
        for (KerasVariable v : l.weights()) {
          if (seen.add(v)) {
            all.add(v);
          }
        }
      }
      return all;
    }
    List<KerasVariable> all = new ArrayList<>(trainableWeights());
    all.addAll(nonTrainableWeights());
    return all;
  }

  @Override
  public List<KerasVariable> trainableWeights() {
    List<KerasVariable> out = new ArrayList<>();
    if (!trainable()) {
      return out;
    }
    Set<KerasVariable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Layer l : layers()) {
      for (KerasVariable v : l.trainableWeights()) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  @Override
  public List<KerasVariable> nonTrainableWeights() {
    List<KerasVariable> out = new ArrayList<>();
    Set<KerasVariable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Layer l : layers()) {
      List<KerasVariable> ws = trainable() ? l.nonTrainableWeights() : l.weights();
      for (KerasVariable v : ws) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- training

  /** {@code compile(optimizer='adam', loss='binary_crossentropy', metrics=[...])}. */
  public void compile(String optimizer, String loss, String... metrics) {
    compile(Optimizers.get(optimizer), Losses.get(loss), metrics);
  }

  /** Keras's {@code compile(optimizer=optimizer, loss='name', metrics=[...])}. */
  public void compile(Optimizer optimizer, String loss, String... metrics) {
    compile(optimizer, Losses.get(loss), metrics);
  }

  /** Keras's {@code compile(optimizer='name', loss=loss, metrics=[...])}. */
  public void compile(String optimizer, Loss loss, String... metrics) {
    compile(Optimizers.get(optimizer), loss, metrics);
  }

  /** {@code compile(optimizer=Adam(...), loss=BinaryCrossentropy(), metrics=[...])}. */
  public void compile(Optimizer optimizer, Loss loss, String... metrics) {
    compile(optimizer, loss, List.<Object>of((Object[]) metrics));
  }

  /** {@code compile(optimizer, loss=my_loss)} with a Java loss function of {@code (y_true, y_pred)}. */
  public void compile(String optimizer, LossFunction loss, String... metrics) {
    compile(Optimizers.get(optimizer), loss, metrics);
  }

  public void compile(Optimizer optimizer, LossFunction loss, String... metrics) {
    compile(optimizer, loss == null ? null : Losses.wrap(loss), metrics);
  }

  /** {@code compile(optimizer)} without a loss: for models whose {@link #computeLoss} or added losses give it. */
  public void compile(String optimizer) {
    compile(Optimizers.get(optimizer));
  }

  public void compile(Optimizer optimizer) {
    compileAny(optimizer, null, List.of());
  }

  /**
   * {@code compile(optimizer, loss, metrics=["mae", my_metric])}: metrics by name or as {@link Metric} objects
   * ({@code Metrics.of("name", (tf, yTrue, yPred) -> ...)}).
   */
  public void compile(Optimizer optimizer, Loss loss, List<?> metrics) {
    if (loss == null) {
      throw new IllegalArgumentException("compile needs an optimizer and a loss, received optimizer=" + optimizer
          + ", loss=null (use compile(optimizer) for a model whose computeLoss or added losses give its loss)");
    }
    compileAny(optimizer, loss, metrics);
  }

  private void compileAny(Optimizer optimizer, Loss loss, List<?> metrics) {
    if (optimizer == null) {
      throw new IllegalArgumentException("compile needs an optimizer, received null");
    }
    List<String> names = new ArrayList<>();
    List<Metric> objects = new ArrayList<>();
    for (Object m : metrics) {
      if (m instanceof String n) {
        Metrics.check(n);
        names.add(n);
      } else if (m instanceof Metric metric) {
        objects.add(metric);
      } else {
        throw new IllegalArgumentException("A metric must be a name or a Metric, received " + m);
      }
    }
    this.optimizer = optimizer;
    this.loss = loss;
    this.metricNames = List.copyOf(names);
    this.metricObjects = List.copyOf(objects);
    if (engine != null) {
      engine.resetTraining();
    }
  }

  /** Metrics given to {@code compile} as objects (custom metrics). */
  public List<Metric> metricObjects() {
    return metricObjects;
  }

  // ---------------------------------------------------------------- custom training logic

  /**
   * Keras 3's {@code compute_loss(x, y, y_pred, sample_weight, training)}: the loss of one batch, built once into
   * the training and test steps. The default adds the compiled loss of each output and every loss of
   * {@link #losses()}. Override it for custom training logic (keras.io's VAE); report extra values with
   * {@link #addMetric}. {@code y} is empty when {@code fit} was given no targets.
   */
  public Operand<TFloat32> computeLoss(Ops tf, List<Operand<TFloat32>> x, List<Operand<TFloat32>> y,
      List<Operand<TFloat32>> yPred, boolean training) {
    Operand<TFloat32> total = null;
    if (loss != null) {
      if (y.size() != yPred.size()) {
        throw new IllegalArgumentException("Model " + name() + " was compiled with a loss but fit received "
            + y.size() + " target array(s) for " + yPred.size() + " output(s)");
      }
      for (int o = 0; o < yPred.size(); o++) {
        Operand<TFloat32> l = loss.reduce(tf, y.get(o), yPred.get(o));
        total = total == null ? l : tf.math.add(total, l);
      }
    }
    for (Operand<TFloat32> l : losses()) {
      Operand<TFloat32> s = tf.sum(l, tf.range(tf.constant(0), tf.rank(l), tf.constant(1)));
      total = total == null ? s : tf.math.add(total, s);
    }
    if (total == null) {
      throw new IllegalStateException("No loss to compute. Provide a `loss` argument in `compile()`.");
    }
    return total;
  }

  /**
   * Keras's {@code model.losses} while a training or test step is built: losses added by layers ({@code addLoss},
   * activity regularizers, {@link #addLoss(GraphLoss)}) and the weight-regularization penalties.
   */
  public List<Operand<TFloat32>> losses() {
    if (step == null) {
      throw new IllegalStateException("model.losses() is available inside computeLoss, while a step is built");
    }
    List<Operand<TFloat32>> out = new ArrayList<>(step.scope.losses());
    out.addAll(regularizationLosses(step.tf));
    return out;
  }

  /**
   * tf.keras's {@code model.add_metric(value, name)} (Keras 3: a {@code Mean} tracker updated in the step): logs the
   * mean over the epoch's batches of {@code value} under {@code name}. Call it from {@link #computeLoss}.
   */
  public void addMetric(String metricName, Operand<TFloat32> value) {
    if (step == null) {
      throw new IllegalStateException("addMetric is available inside computeLoss, while a step is built");
    }
    if (metricName == null || metricName.isBlank() || value == null) {
      throw new IllegalArgumentException("addMetric needs a name and a value");
    }
    step.metrics.put(metricName, value);
  }

  /** True when a subclass overrides {@link #computeLoss}. */
  boolean customComputeLoss() {
    try {
      return getClass().getMethod("computeLoss", Ops.class, List.class, List.class, List.class, boolean.class)
          .getDeclaringClass() != Model.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** What a step being built collects. */
  static final class StepState {
    final Ops tf;
    final keras4j.layers.LossScope scope;
    final Map<String, Operand<TFloat32>> metrics = new LinkedHashMap<>();

    StepState(Ops tf, keras4j.layers.LossScope scope) {
      this.tf = tf;
      this.scope = scope;
    }
  }

  void step(StepState s) {
    this.step = s;
  }

  /** Whether {@code compile} was called. */
  public boolean compiled() {
    return optimizer != null;
  }

  /** Keras's {@code model.optimizer}; null before {@code compile}. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Keras's {@code model.loss}; null before {@code compile}. */
  public Loss loss() {
    return loss;
  }

  /** Keras's {@code model.metrics_names} after {@code compile}. */
  public List<String> metricNames() {
    return metricNames;
  }

  /** Keras's {@code model.stop_training}: set by callbacks to end {@code fit} after the current batch. */
  public void stopTraining(boolean stop) {
    this.stopTraining = stop;
  }

  /** Keras's {@code model.stop_training}: set by callbacks to end {@code fit} after the epoch. */
  public boolean stopTraining() {
    return stopTraining;
  }

  /** True while {@code fit} runs (validation then runs silently). */
  public boolean inFit() {
    return inFit;
  }

  void inFit(boolean b) {
    inFit = b;
  }

  TrainEngine engine() {
    if (engine == null) {
      engine = new TrainEngine(this);
    }
    return engine;
  }

  void requireCompiled() {
    if (optimizer == null) {
      throw new IllegalStateException("You must call compile() before using the model.");
    }
  }

  /** Keras's {@code fit(x, y, ...)}; see {@link Fit} for the options. */
  public History fit(FloatNdArray x, FloatNdArray y, Fit.Option... options) {
    return fit(List.of(x), List.of(y), options);
  }

  /** Keras's {@code fit(x, epochs=...)} without targets: for models whose {@link #computeLoss} needs none. */
  public History fit(FloatNdArray x, Fit.Option... options) {
    return fit(List.of(x), List.of(), options);
  }

  /** {@code fit} for several inputs or outputs. */
  public History fit(List<FloatNdArray> x, List<FloatNdArray> y, Fit.Option... options) {
    ensureBuiltFor(x);
    requireCompiled();
    Fit.Settings s = Fit.Settings.of(options);
    if (s.stepsPerEpoch != null || s.validationStream != null) {
      return stream().fit(new BatchSource.Arrays(x, y, s.batchSize), validationSource(s), s);
    }
    return engine().fit(x, y, s);
  }

  /**
   * Keras's {@code fit(py_dataset)} / {@code fit(generator)}: trains on batches read as it goes, never holding the
   * data set in memory (a {@link keras4j.utils.PyDataset} such as {@link keras4j.utils.NpyDataset}, or any
   * iterable of {@link keras4j.utils.Batch}); see {@link StreamEngine}.
   */
  public History fit(Iterable<keras4j.utils.Batch> data, Fit.Option... options) {
    requireCompiled();
    Fit.Settings s = Fit.Settings.of(options);
    return stream().fit(BatchSource.of(data), validationSource(s), s);
  }

  /** Keras's {@code evaluate(py_dataset)}: loss and metrics by name. */
  public Map<String, Double> evaluateMetrics(Iterable<keras4j.utils.Batch> data, Fit.Option... options) {
    requireCompiled();
    return stream().evaluate(BatchSource.of(data), Fit.Settings.of(options));
  }

  /** Keras's {@code evaluate(py_dataset)}: the loss. */
  public double evaluate(Iterable<keras4j.utils.Batch> data, Fit.Option... options) {
    return evaluateMetrics(data, options).get("loss");
  }

  /** Keras's {@code predict(py_dataset)} for a model with one output. */
  public FloatNdArray predict(Iterable<keras4j.utils.Batch> data, Fit.Option... options) {
    List<FloatNdArray> out = predictAll(data, options);
    if (out.size() != 1) {
      throw new IllegalStateException("Model " + name() + " has " + out.size() + " outputs; use predictAll");
    }
    return out.get(0);
  }

  /** Keras's {@code predict(py_dataset)} for several outputs. */
  public List<FloatNdArray> predictAll(Iterable<keras4j.utils.Batch> data, Fit.Option... options) {
    return stream().predict(BatchSource.of(data), Fit.Settings.of(options));
  }

  private StreamEngine stream() {
    if (stream == null) {
      stream = new StreamEngine(this);
    }
    return stream;
  }

  private static BatchSource validationSource(Fit.Settings s) {
    if (s.validationStream != null) {
      return BatchSource.of(s.validationStream);
    }
    return s.validationX == null ? null : new BatchSource.Arrays(s.validationX, s.validationY, s.batchSize);
  }

  /** Keras's {@code evaluate(x, y)}: the loss, computed in batches of 32 (or {@code batchSize(n)}). */
  public double evaluate(FloatNdArray x, FloatNdArray y, Fit.Option... options) {
    return evaluateMetrics(List.of(x), List.of(y), options).get("loss");
  }

  /** Keras's {@code evaluate(x, return_dict=True)} without targets: for models whose {@link #computeLoss} needs none. */
  public Map<String, Double> evaluate(FloatNdArray x, Fit.Option... options) {
    return evaluateMetrics(List.of(x), List.of(), options);
  }

  /** Keras's {@code evaluate(x, y, return_dict=True)}: loss and metrics by name. */
  public Map<String, Double> evaluateMetrics(List<FloatNdArray> x, List<FloatNdArray> y, Fit.Option... options) {
    ensureBuiltFor(x);
    requireCompiled();
    return engine().evaluate(x, y, Fit.Settings.of(options));
  }

  /** Keras's {@code predict(x)}: outputs computed in batches of 32. */
  public FloatNdArray predict(FloatNdArray x) {
    return predict(x, 32);
  }

  /** Keras's {@code predict(x, batch_size=n)}. */
  public FloatNdArray predict(FloatNdArray x, int batchSize) {
    return predict(x, Fit.batchSize(batchSize));
  }

  /** Keras's {@code predict(x, batch_size=..., verbose=...)}. */
  public FloatNdArray predict(FloatNdArray x, Fit.Option... options) {
    List<FloatNdArray> out = predictAll(List.of(x), options);
    if (out.size() != 1) {
      throw new IllegalStateException("Model " + name() + " has " + out.size() + " outputs; use predictAll");
    }
    return out.get(0);
  }

  /** {@code predict} for several inputs or outputs. */
  public List<FloatNdArray> predictAll(List<FloatNdArray> x, Fit.Option... options) {
    ensureBuiltFor(x);
    Fit.Settings s = Fit.Settings.of(options);
    return engine().predict(x, s);
  }

  /** A model whose input shape was not known (a Sequential without input shape) builds on first data. */
  protected void ensureBuiltFor(List<FloatNdArray> x) {}

  // ---------------------------------------------------------------- summary

  /** Keras's {@code model.summary()}, printed in tf.keras 2.x's layout. */
  public void summary() {
    summary(System.out::println);
  }

  /** Keras's {@code model.summary(print_fn=...)}: each line goes to {@code printFn}. */
  public void summary(Consumer<String> printFn) {
    LayerUtils.printSummary(this, printFn);
  }

  /**
   * Keras's sequential-like test for summaries: one layer call per depth, each with at most one input, and no
   * layer called twice.
   */
  public boolean isSequentialLike() {
    Map<Layer, Integer> calls = new IdentityHashMap<>();
    Map<Integer, Integer> perDepth = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (n.inputs().size() > 1 || calls.merge(n.layer(), 1, Integer::sum) > 1
          || perDepth.merge(nodeDepths.get(n), 1, Integer::sum) > 1) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- files

  /** Keras's {@code save_weights(path)}: legacy HDF5 weights as tf.keras 2.x writes them. */
  public void saveWeights(String path) {
    saveWeights(Path.of(path));
  }

  /** Keras's {@code save_weights(path)}. */
  public void saveWeights(Path path) {
    SavingService.get().saveWeights(this, path);
  }

  /** Keras's {@code load_weights(path)}: {@code .h5} (legacy, topological order) or Keras 3 {@code .weights.h5}. */
  public void loadWeights(String path) {
    loadWeights(Path.of(path));
  }

  /** Keras's {@code load_weights(path)}. */
  public void loadWeights(Path path) {
    SavingService.get().loadWeights(this, path, false, false);
  }

  /** Keras's {@code load_weights(path, by_name=..., skip_mismatch=...)} for legacy {@code .h5} files. */
  public void loadWeights(Path path, boolean byName, boolean skipMismatch) {
    SavingService.get().loadWeights(this, path, byName, skipMismatch);
  }

  /** Keras's {@code model.save(path)}: {@code .keras} (Keras 3 zip) or {@code .h5} (legacy full model). */
  public void save(String path) {
    save(Path.of(path));
  }

  /** Keras's {@code model.save(path)}. */
  public void save(Path path) {
    SavingService.get().save(this, path);
  }

  /** Keras's {@code model.to_json()}. */
  public String toJson() {
    return SavingService.get().toJson(this);
  }

  // ---------------------------------------------------------------- resources

  /**
   * Releases the native buffers this model keeps (training and validation data) and lets the backend reclaim the
   * graph ops of its traced functions and of weights no open model shares ({@link keras4j.backend.Context}'s
   * compaction). The model stays usable: used again, it traces its functions anew, with its weights' values.
   */
  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    } else if (context() != null && !context().isClosed()) {
      context().compactIfWorthwhile();
    }
  }
}
