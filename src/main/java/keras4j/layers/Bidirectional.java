package keras4j.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Bidirectional(layer, merge_mode="concat", backward_layer=None)}: runs a recurrent layer forwards
 * and a copy with {@code go_backwards} flipped (or {@code backward_layer}) backwards, reverses the backward
 * sequence back, and merges the two ({@code concat}, {@code sum}, {@code mul}, {@code ave}, or none: two outputs).
 * Initial states passed as inputs are split half to each direction, as in Keras.
 */
public class Bidirectional extends BaseLayer<Bidirectional> implements InitialStateCall {
  /** Keras's {@code merge_mode} values. */
  public enum MergeMode { CONCAT, SUM, MUL, AVE, NONE }

  private final BaseRNN<?> forward;
  private final BaseRNN<?> backward;
  private MergeMode mergeMode = MergeMode.CONCAT;

  /** {@code Bidirectional(layer)}. */
  public Bidirectional(BaseRNN<?> layer) {
    this(layer, null);
  }

  /** {@code Bidirectional(layer, backward_layer=...)}. */
  public Bidirectional(BaseRNN<?> layer, BaseRNN<?> backwardLayer) {
    if (layer == null) {
      throw new IllegalArgumentException("Bidirectional needs a recurrent layer, received null");
    }
    if (layer.built() || (backwardLayer != null && backwardLayer.built())) {
      throw new IllegalArgumentException("Bidirectional needs layers that were not called yet (got " + layer.name()
          + ")");
    }
    this.forward = layer;
    this.backward = backwardLayer != null ? backwardLayer : layer.copy(!layer.goBackwards());
    if (backwardLayer != null) {
      if (backwardLayer.goBackwards() == layer.goBackwards()) {
        throw new IllegalArgumentException("Forward layer " + layer.name() + " and backward layer "
            + backwardLayer.name() + " must have different go_backwards values (both are " + layer.goBackwards() + ")");
      }
      if (backwardLayer.returnSequences() != layer.returnSequences()
          || backwardLayer.returnState() != layer.returnState()) {
        throw new IllegalArgumentException("Forward layer " + layer.name() + " and backward layer "
            + backwardLayer.name() + " must agree on return_sequences and return_state");
      }
    }
    String f = layer.name();
    String b = backward.name();
    forward.name(f.startsWith("forward_") ? f : "forward_" + f);
    backward.name(b.startsWith("backward_") ? b : "backward_" + (backwardLayer != null ? b : f));
    forward.zeroOutputForMask(forward.returnSequences());
    backward.zeroOutputForMask(backward.returnSequences());
  }

  /** Keras's {@code merge_mode=}: "concat", "sum", "mul", "ave", or null for two separate outputs. */
  public Bidirectional mergeMode(String mode) {
    checkNotBuilt();
    if (mode == null) {
      this.mergeMode = MergeMode.NONE;
      return this;
    }
    try {
      this.mergeMode = MergeMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid merge mode. Received: " + mode
          + ". Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\", null}");
    }
    if (mergeMode == MergeMode.NONE) {
      throw new IllegalArgumentException("Invalid merge mode. Received: " + mode + "; use null for no merge");
    }
    return this;
  }

  public Layer forwardLayer() {
    return forward;
  }

  public Layer backwardLayer() {
    return backward;
  }

  @Override
  protected void build(long[] inputShape) {
    build(List.of(inputShape));
  }

  @Override
  protected void build(List<long[]> shapes) {
    List<long[]>[] split = split(shapes);
    forward.buildOnce(split[0]);
    backward.buildOnce(split[1]);
  }

  @SuppressWarnings("unchecked")
  private <X> List<X>[] split(List<X> inputs) {
    int states = (inputs.size() - 1) / 2;
    List<X> f = new ArrayList<>();
    List<X> b = new ArrayList<>();
    f.add(inputs.get(0));
    b.add(inputs.get(0));
    if (inputs.size() > 1) {
      if ((inputs.size() - 1) % 2 != 0) {
        throw new IllegalArgumentException("Layer " + name() + " (Bidirectional): initial states must come in "
            + "equal halves for the two directions, received " + (inputs.size() - 1));
      }
      f.addAll(inputs.subList(1, 1 + states));
      b.addAll(inputs.subList(1 + states, inputs.size()));
    }
    return new List[] {f, b};
  }

  @Override
  public List<long[]> computeOutputShapes(List<long[]> inputShapes) {
    List<long[]>[] split = split(inputShapes);
    List<long[]> f = forward.computeOutputShapes(split[0]);
    List<long[]> b = backward.computeOutputShapes(split[1]);
    List<long[]> out = new ArrayList<>();
    if (mergeMode == MergeMode.NONE) {
      out.add(f.get(0));
      out.add(b.get(0));
    } else {
      long[] y = f.get(0).clone();
      if (mergeMode == MergeMode.CONCAT) {
        y[y.length - 1] = f.get(0)[y.length - 1] + b.get(0)[y.length - 1];
      }
      out.add(y);
    }
    out.addAll(f.subList(1, f.size()));
    out.addAll(b.subList(1, b.size()));
    return out;
  }

  @Override
  public boolean supportsMasking() {
    return true;
  }

  @Override
  public List<Operand<TBool>> computeMask(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      int outputs) {
    List<Operand<TBool>> out = new ArrayList<>(Collections.nCopies(outputs, (Operand<TBool>) null));
    if (forward.returnSequences() && masks != null && !masks.isEmpty()) {
      out.set(0, masks.get(0));
      if (mergeMode == MergeMode.NONE) {
        out.set(1, masks.get(0));
      }
    }
    return out;
  }

  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
    return call(tf, inputs, null, training);
  }

  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      boolean training) {
    List<Operand<TFloat32>>[] split = split(inputs);
    List<Operand<TBool>> m = masks == null || masks.isEmpty() || masks.get(0) == null ? null
        : List.of(masks.get(0));
    List<Operand<TFloat32>> f = forward.call(tf.withSubScope("forward"), split[0], m, training);
    List<Operand<TFloat32>> b = backward.call(tf.withSubScope("backward"), split[1], m, training);
    Operand<TFloat32> y = f.get(0);
    Operand<TFloat32> yRev = b.get(0);
    if (forward.returnSequences()) {
      yRev = tf.reverse(yRev, tf.constant(new int[] {1}));
    }
    List<Operand<TFloat32>> out = new ArrayList<>();
    switch (mergeMode) {
      case CONCAT -> out.add(tf.concat(List.of(y, yRev), tf.constant(-1)));
      case SUM -> out.add(tf.math.add(y, yRev));
      case MUL -> out.add(tf.math.mul(y, yRev));
      case AVE -> out.add(tf.math.mul(tf.math.add(y, yRev), tf.constant(0.5f)));
      case NONE -> {
        out.add(y);
        out.add(yRev);
      }
      default -> throw new IllegalStateException(mergeMode.toString());
    }
    out.addAll(f.subList(1, f.size()));
    out.addAll(b.subList(1, b.size()));
    return out;
  }

  @Override
  public List<KerasVariable> trainableWeights() {
    List<KerasVariable> w = new ArrayList<>();
    if (trainable()) {
      w.addAll(forward.trainableWeights());
      w.addAll(backward.trainableWeights());
    }
    return w;
  }

  @Override
  public Map<KerasVariable, keras4j.regularizers.Regularizer> regularizers() {
    Map<KerasVariable, keras4j.regularizers.Regularizer> out = new java.util.LinkedHashMap<>(forward.regularizers());
    out.putAll(backward.regularizers());
    return trainable() ? out : Map.of();
  }

  @Override
  public Map<KerasVariable, keras4j.constraints.Constraint> constraints() {
    Map<KerasVariable, keras4j.constraints.Constraint> out = new java.util.LinkedHashMap<>(forward.constraints());
    out.putAll(backward.constraints());
    return trainable() ? out : Map.of();
  }

  @Override
  public List<KerasVariable> nonTrainableWeights() {
    List<KerasVariable> w = new ArrayList<>();
    w.addAll(trainable() ? forward.nonTrainableWeights() : forward.weights());
    w.addAll(trainable() ? backward.nonTrainableWeights() : backward.weights());
    return w;
  }

  @Override
  public Map<String, Layer> trackedLayers() {
    Map<String, Layer> m = new LinkedHashMap<>();
    m.put("backward_layer", backward);
    m.put("forward_layer", forward);
    return m;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("merge_mode", mergeMode == MergeMode.NONE ? null : mergeMode.name().toLowerCase(Locale.ROOT));
    c.put("layer", forward);
    c.put("backward_layer", backward);
    return c;
  }

  /** Keras's {@code Bidirectional.from_config}; {@code layers} reads the nested layer entries. */
  public static Bidirectional fromConfig(LayerConfig c, Function<Object, Layer> layers) {
    Layer f = layers.apply(c.map().get("layer"));
    Layer b = c.has("backward_layer") ? layers.apply(c.map().get("backward_layer")) : null;
    if (!(f instanceof BaseRNN<?> fr) || (b != null && !(b instanceof BaseRNN<?>))) {
      throw new IllegalArgumentException("Layer '" + c.layerName() + "' (Bidirectional) wraps " + f.className()
          + (b != null ? " and " + b.className() : "") + "; keras4j supports recurrent layers (LSTM, GRU, SimpleRNN, RNN)");
    }
    Bidirectional layer = new Bidirectional(fr, (BaseRNN<?>) b);
    return layer.mergeMode(c.map().containsKey("merge_mode") ? (String) c.map().get("merge_mode") : "concat");
  }
}
