package keras4j.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.backend.FusedLstm;
import keras4j.backend.KerasVariable;
import keras4j.backend.Names;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The shared base of Keras's recurrent layers ({@code RNN}, {@code LSTM}, {@code GRU}, {@code SimpleRNN}): runs a
 * {@link RNNCell} over the time axis of a {@code [batch, time, features]} input with Keras's
 * {@code return_sequences}, {@code return_state}, {@code go_backwards}, masks (a masked step keeps the previous
 * output and states) and initial states passed as extra inputs ({@code layer.apply(List.of(x, h0, c0))}).
 * {@code stateful=True} is refused. The cell's steps are laid out in the graph (the input projection of all steps is
 * one matrix product); an LSTM with Keras's default activations over an unknown or long sequence (more than 64
 * steps) runs as TensorFlow's fused {@code BlockLSTMV2} kernel (one op for the whole sequence) when no mask and no
 * dropout is active ({@link #fused} chooses).
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseRNN<T extends BaseRNN<T>> extends BaseLayer<T> implements InitialStateCall {
  protected final RNNCell<?> cell;
  private boolean returnSequences;
  private boolean returnState;
  private boolean goBackwards;
  private boolean unroll;
  private boolean zeroOutputForMask;
  /** True: the fused kernel where it applies; false: never; null: only for unknown or long sequences. */
  private Boolean fused;
  /** The longest sequence an LSTM lays out in steps when {@link #fused} was not chosen. */
  static final long MAX_LAID_OUT_STEPS = 64;

  protected BaseRNN(RNNCell<?> cell) {
    if (cell == null) {
      throw new IllegalArgumentException("An RNN layer needs a cell, received null");
    }
    this.cell = cell;
  }

  @SuppressWarnings("unchecked")
  private T me() {
    return (T) this;
  }

  /** The cell this layer runs (Keras's {@code layer.cell}). */
  public RNNCell<?> cell() {
    return cell;
  }

  /** Keras's {@code return_sequences=}: output every step ({@code [batch, time, units]}) or the last. */
  public T returnSequences(boolean b) {
    checkNotBuilt();
    this.returnSequences = b;
    return me();
  }

  public boolean returnSequences() {
    return returnSequences;
  }

  /** Keras's {@code return_state=}: also output the final states. */
  public T returnState(boolean b) {
    checkNotBuilt();
    this.returnState = b;
    return me();
  }

  public boolean returnState() {
    return returnState;
  }

  /** Keras's {@code go_backwards=}: process the sequence backwards (the outputs stay in that reversed order). */
  public T goBackwards(boolean b) {
    checkNotBuilt();
    this.goBackwards = b;
    return me();
  }

  public boolean goBackwards() {
    return goBackwards;
  }

  /** Keras's {@code stateful=}: only False is supported. */
  public T stateful(boolean b) {
    if (b) {
      throw new UnsupportedOperationException("Layer " + name() + " (" + className()
          + "): stateful=True is not supported by keras4j; states are reset at every batch (stateful=False)");
    }
    return me();
  }

  /** Keras's {@code unroll=}: recorded in the config; the computation is the same either way. */
  public T unroll(boolean b) {
    this.unroll = b;
    return me();
  }

  /** Keras's {@code zero_output_for_mask=}: masked steps output zeros instead of the previous output. */
  public T zeroOutputForMask(boolean b) {
    this.zeroOutputForMask = b;
    return me();
  }

  /**
   * Whether an LSTM uses TensorFlow's fused {@code BlockLSTMV2} kernel where it applies (true) or lays out its steps
   * in the graph (false). Unset, sequences of known length up to 64 steps are laid out (measured faster: 0.70-0.75x
   * Keras-TF's epoch time against the fused kernel's 0.83-1.05x, blog LSTM autoencoder, 28 steps), and longer or
   * unknown-length ones use the fused kernel.
   */
  public T fused(boolean b) {
    this.fused = b;
    return me();
  }

  /** Keras's {@code dropout=} of the cell. */
  public T dropout(double rate) {
    cell.dropout(rate);
    return me();
  }

  /** Keras's {@code recurrent_dropout=} of the cell. */
  public T recurrentDropout(double rate) {
    cell.recurrentDropout(rate);
    return me();
  }

  public int units() {
    return cell.units();
  }

  /** Keras's {@code activation=} of the cell ("tanh"). */
  public T activation(String name) {
    cell.activation(name);
    return me();
  }

  /** Keras's {@code use_bias=} of the cell. */
  public T useBias(boolean b) {
    cell.useBias(b);
    return me();
  }

  /** Keras's {@code kernel_initializer=} of the cell ("glorot_uniform"). */
  public T kernelInitializer(String name) {
    cell.kernelInitializer(name);
    return me();
  }

  /** Keras's {@code recurrent_initializer=} of the cell ("orthogonal"). */
  public T recurrentInitializer(String name) {
    cell.recurrentInitializer(name);
    return me();
  }

  /** Keras's {@code bias_initializer=} of the cell ("zeros"). */
  public T biasInitializer(String name) {
    cell.biasInitializer(name);
    return me();
  }

  /** Keras's {@code kernel_regularizer=} of the cell. */
  public T kernelRegularizer(keras4j.regularizers.Regularizer r) {
    cell.kernelRegularizer(r);
    return me();
  }

  /** Keras's {@code recurrent_regularizer=} of the cell. */
  public T recurrentRegularizer(keras4j.regularizers.Regularizer r) {
    cell.recurrentRegularizer(r);
    return me();
  }

  /** Keras's {@code bias_regularizer=} of the cell. */
  public T biasRegularizer(keras4j.regularizers.Regularizer r) {
    cell.biasRegularizer(r);
    return me();
  }

  /** Keras's {@code kernel_constraint=} of the cell. */
  public T kernelConstraint(keras4j.constraints.Constraint c) {
    cell.kernelConstraint(c);
    return me();
  }

  /** Keras's {@code recurrent_constraint=} of the cell. */
  public T recurrentConstraint(keras4j.constraints.Constraint c) {
    cell.recurrentConstraint(c);
    return me();
  }

  /** Keras's {@code bias_constraint=} of the cell. */
  public T biasConstraint(keras4j.constraints.Constraint c) {
    cell.biasConstraint(c);
    return me();
  }

  /** Keras's {@code seed=} of the cell's dropout masks. */
  public T seed(Long s) {
    cell.seed(s);
    return me();
  }

  @Override
  public boolean supportsMasking() {
    return true;
  }

  @Override
  protected void build(long[] inputShape) {
    build(List.of(inputShape));
  }

  @Override
  protected void build(List<long[]> shapes) {
    long[] x = shapes.get(0);
    if (x.length != 3) {
      throw new IllegalArgumentException("Input 0 of layer " + name() + " (" + className()
          + ") must be 3-D [batch, timesteps, features], received shape " + Shapes.format(x));
    }
    cell.name(name() + "/" + Names.snakeCase(cell.className()));
    cell.buildOnce(List.of(new long[] {x[0], x[2]}));
  }

  @Override
  public List<long[]> computeOutputShapes(List<long[]> inputShapes) {
    long[] x = inputShapes.get(0);
    int[] sizes = cell.stateSizes();
    if (inputShapes.size() != 1 && inputShapes.size() != 1 + sizes.length) {
      throw new IllegalArgumentException("Layer " + name() + " (" + className() + ") expects a sequence and "
          + sizes.length + " initial state(s), received " + inputShapes.size() + " inputs");
    }
    for (int i = 1; i < inputShapes.size(); i++) {
      long[] s = inputShapes.get(i);
      if (s.length != 2 || (s[1] >= 0 && s[1] != sizes[i - 1])) {
        throw new IllegalArgumentException("Layer " + name() + " (" + className() + "): initial state " + (i - 1)
            + " must have shape [batch, " + sizes[i - 1] + "], received " + Shapes.format(s));
      }
    }
    List<long[]> out = new ArrayList<>();
    out.add(returnSequences ? new long[] {x[0], x[1], cell.outputSize()} : new long[] {x[0], cell.outputSize()});
    if (returnState) {
      for (int s : sizes) {
        out.add(new long[] {x[0], s});
      }
    }
    return out;
  }

  @Override
  public List<Operand<TBool>> computeMask(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      int outputs) {
    List<Operand<TBool>> out = new ArrayList<>(Collections.nCopies(outputs, (Operand<TBool>) null));
    if (returnSequences && masks != null && !masks.isEmpty()) {
      out.set(0, masks.get(0));
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
    Operand<TFloat32> x = inputs.get(0);
    Operand<TBool> mask = masks == null || masks.isEmpty() ? null : masks.get(0);
    int[] sizes = cell.stateSizes();
    List<Operand<TFloat32>> states = new ArrayList<>();
    if (inputs.size() > 1) {
      states.addAll(inputs.subList(1, inputs.size()));
    } else {
      Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
      for (int s : sizes) {
        states.add(tf.zeros(tf.concat(List.of(batch, tf.constant(new int[] {s})), tf.constant(0)), TFloat32.class));
      }
    }
    Operand<TFloat32> xt = tf.linalg.transpose(x, tf.constant(new int[] {1, 0, 2}));
    if (goBackwards) {
      xt = tf.reverse(xt, tf.constant(new int[] {0}));
      if (mask != null) {
        mask = tf.reverse(mask, tf.constant(new int[] {1}));
      }
    }
    Operand<TFloat32> first = tf.gather(xt, tf.constant(0), tf.constant(0));
    RNNCell.Masks dm = cell.masks(tf, first, states.get(0), training);
    Result r;
    long length = xt.shape().size(0);
    boolean preferFused = fused != null ? fused : length < 0 || length > MAX_LAID_OUT_STEPS;
    if (preferFused && mask == null && dm.input == null && dm.recurrent == null && cell instanceof LSTMCell lstm
        && lstm.fusable()) {
      r = fusedLstm(tf, lstm, xt, states);
    } else {
      r = steps(tf, xt, mask, states, dm);
    }
    List<Operand<TFloat32>> out = new ArrayList<>();
    out.add(returnSequences ? r.sequence : r.last);
    if (returnState) {
      for (Operand<TFloat32> st : r.states) {
        out.add(tf.identity(st));
      }
    }
    return out;
  }

  private record Result(Operand<TFloat32> sequence, Operand<TFloat32> last, List<Operand<TFloat32>> states) {}

  private Result steps(Ops tf, Operand<TFloat32> xt, Operand<TBool> mask, List<Operand<TFloat32>> states,
      RNNCell.Masks dm) {
    long steps = xt.shape().size(0);
    if (steps < 0) {
      long[] s = xt.shape().asArray();
      throw new IllegalArgumentException("Layer " + name() + " (" + className() + ") needs a known number of time "
          + "steps: it lays its steps out in the graph, because TF Java 1.0.0 cannot differentiate a TensorFlow while "
          + "loop. Received input shape " + Shapes.format(new long[] {s[1], s[0], s[2]}) + "; give Input a fixed "
          + "length, e.g. Input.shape(20, " + s[2] + "), and pad shorter sequences "
          + "(with Masking or Embedding(mask_zero)). Only an LSTM with tanh/sigmoid activations and no mask or "
          + "dropout (TensorFlow's fused kernel) accepts any length.");
    }
    Operand<TFloat32> proj = cell.project(tf, xt, dm);
    List<Operand<TFloat32>> xs = new ArrayList<>();
    tf.unstack(proj, steps, Unstack.axis(0L)).output().forEach(xs::add);
    List<Operand<TBool>> ms = new ArrayList<>();
    if (mask != null) {
      Operand<TBool> mt = tf.linalg.transpose(mask, tf.constant(new int[] {1, 0}));
      tf.unstack(mt, steps, Unstack.axis(0L)).output().forEach(m -> ms.add(tf.expandDims(m, tf.constant(-1))));
    }
    List<Operand<TFloat32>> outs = new ArrayList<>();
    Operand<TFloat32> prev = null;
    for (int t = 0; t < steps; t++) {
      List<Operand<TFloat32>> res = cell.step(tf, xs.get(t), states, dm);
      Operand<TFloat32> o = res.get(0);
      List<Operand<TFloat32>> next = res.subList(1, res.size());
      if (mask != null) {
        Operand<TBool> m = ms.get(t);
        List<Operand<TFloat32>> kept = new ArrayList<>();
        for (int k = 0; k < next.size(); k++) {
          kept.add(tf.select(m, next.get(k), states.get(k)));
        }
        next = kept;
        Operand<TFloat32> other = zeroOutputForMask || prev == null ? tf.zerosLike(o) : prev;
        o = tf.select(m, o, other);
      }
      states = next;
      prev = o;
      outs.add(o);
    }
    Operand<TFloat32> seq = returnSequences ? tf.stack(outs, Stack.axis(1L)) : null;
    return new Result(seq, prev, states);
  }

  private Result fusedLstm(Ops tf, LSTMCell lstm, Operand<TFloat32> xt, List<Operand<TFloat32>> states) {
    FusedLstm.Outputs o = FusedLstm.run(tf, xt, states.get(0), states.get(1), lstm.kernel.value(),
        lstm.recurrentKernel.value(), lstm.useBias ? lstm.bias.value() : null, lstm.units());
    Operand<TFloat32> seq = returnSequences ? tf.linalg.transpose(o.h(), tf.constant(new int[] {1, 0, 2})) : null;
    return new Result(seq, o.lastH(), List.of(o.lastH(), o.lastC()));
  }

  // ------------------------------------------------------------------ weights: the cell's

  @Override
  public List<KerasVariable> trainableWeights() {
    return trainable() ? cell.trainableWeights() : List.of();
  }

  @Override
  public List<KerasVariable> nonTrainableWeights() {
    return trainable() ? cell.nonTrainableWeights() : cell.weights();
  }

  @Override
  public Map<KerasVariable, keras4j.regularizers.Regularizer> regularizers() {
    return trainable() ? cell.regularizers() : Map.of();
  }

  @Override
  public Map<KerasVariable, keras4j.constraints.Constraint> constraints() {
    return trainable() ? cell.constraints() : Map.of();
  }

  @Override
  public Map<String, Layer> trackedLayers() {
    return Map.of("cell", cell);
  }

  // ------------------------------------------------------------------ config

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("return_sequences", returnSequences);
    c.put("return_state", returnState);
    c.put("go_backwards", goBackwards);
    c.put("stateful", false);
    c.put("unroll", unroll);
    c.put("zero_output_for_mask", zeroOutputForMask);
    return c;
  }

  /** The config of a layer that spells out its cell's options (LSTM, GRU, SimpleRNN). */
  protected Map<String, Object> withCellOptions(Map<String, Object> c) {
    Map<String, Object> out = new LinkedHashMap<>(c);
    for (Map.Entry<String, Object> e : cell.getConfig().entrySet()) {
      String k = e.getKey();
      if (k.equals("name") || k.equals("trainable") || k.equals("dtype") || k.equals("batch_input_shape")) {
        continue;
      }
      if (k.equals("seed") && e.getValue() == null && this instanceof SimpleRNN) {
        continue;
      }
      out.put(k, e.getValue());
      if (k.equals("bias_regularizer")) {
        out.put("activity_regularizer", keras4j.regularizers.Regularizers.serialize(activityRegularizer()));
      }
    }
    return out;
  }

  /** A new, unbuilt layer with this one's options and {@code go_backwards} set as given (for {@link Bidirectional}). */
  BaseRNN<?> copy(boolean backwards) {
    Map<String, Object> cfg = getConfig();
    cfg.put("go_backwards", backwards);
    return recreate(new LayerConfig(className(), cfg));
  }

  /** This class's {@code from_config}. */
  protected abstract BaseRNN<?> recreate(LayerConfig c);

  /** Reads the options every recurrent layer shares. */
  static <L extends BaseRNN<L>> L configure(L layer, LayerConfig c) {
    layer.setActivityRegularizer(c.getRegularizer("activity_regularizer"));
    if (c.getBool("stateful", false)) {
      layer.stateful(true);
    }
    return layer.returnSequences(c.getBool("return_sequences", false))
        .returnState(c.getBool("return_state", false))
        .goBackwards(c.getBool("go_backwards", false))
        .unroll(c.getBool("unroll", false))
        .zeroOutputForMask(c.getBool("zero_output_for_mask", false));
  }
}
