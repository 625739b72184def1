package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.backend.Context;
import keras4j.backend.KerasVariable;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * The shared base of Keras's recurrent cells ({@code LSTMCell}, {@code GRUCell}, {@code SimpleRNNCell}) and of
 * Keras's {@code DropoutRNNCell}: units, activations, initializers, the {@code kernel}, {@code recurrent_kernel}
 * and {@code bias} weights in Keras's layout, and dropout masks drawn once per sequence. A cell computes one time
 * step; {@link RNN} runs it over a sequence. The input projection {@code x . kernel + bias} of every time step is
 * computed by one matrix product before the loop ({@link #project}); {@link #step} adds the recurrent part.
 *
 * @param <T> the concrete cell class
 */
public abstract class RNNCell<T extends RNNCell<T>> extends BaseLayer<T> {
  protected final int units;
  protected ActivationFunction activation = Activations.get("tanh");
  /** The gates' activation (LSTM, GRU); null for a cell without gates (SimpleRNN). */
  protected ActivationFunction recurrentActivation;
  protected boolean useBias = true;
  protected Initializer kernelInitializer = Initializers.get("glorot_uniform");
  protected Initializer recurrentInitializer = Initializers.get("orthogonal");
  protected Initializer biasInitializer = Initializers.get("zeros");
  protected double dropout;
  protected double recurrentDropout;
  protected Long seed;
  protected KerasVariable kernel;
  protected KerasVariable recurrentKernel;
  protected KerasVariable bias;

  /** Per-sequence values of one call: the dropout masks (null when inactive). */
  public static final class Masks {
    final List<Operand<TFloat32>> input;
    final List<Operand<TFloat32>> recurrent;

    Masks(List<Operand<TFloat32>> input, List<Operand<TFloat32>> recurrent) {
      this.input = input;
      this.recurrent = recurrent;
    }
  }

  protected RNNCell(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `units`, expected a positive integer, got "
          + units + ".");
    }
    this.units = units;
  }

  /** Keras's {@code units}. */
  public int units() {
    return units;
  }

  /** Keras's {@code activation=} ("tanh" by default). */
  public T activation(String name) {
    return activation(Activations.get(name));
  }

  public T activation(ActivationFunction fn) {
    checkNotBuilt();
    this.activation = fn;
    return self();
  }

  /** Keras's {@code use_bias=}. */
  public T useBias(boolean b) {
    checkNotBuilt();
    this.useBias = b;
    return self();
  }

  /** Keras's {@code kernel_initializer=} ("glorot_uniform"). */
  public T kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public T kernelInitializer(Initializer init) {
    checkNotBuilt();
    this.kernelInitializer = init;
    return self();
  }

  /** Keras's {@code recurrent_initializer=} ("orthogonal"). */
  public T recurrentInitializer(String name) {
    return recurrentInitializer(Initializers.get(name));
  }

  public T recurrentInitializer(Initializer init) {
    checkNotBuilt();
    this.recurrentInitializer = init;
    return self();
  }

  /** Keras's {@code bias_initializer=} ("zeros"). */
  public T biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public T biasInitializer(Initializer init) {
    checkNotBuilt();
    this.biasInitializer = init;
    return self();
  }

  /** Keras's {@code dropout=}: the fraction of the inputs dropped while training (one mask per sequence). */
  public T dropout(double rate) {
    this.dropout = Math.min(1.0, Math.max(0.0, rate));
    return self();
  }

  /** Keras's {@code recurrent_dropout=}: the fraction of the recurrent state dropped while training. */
  public T recurrentDropout(double rate) {
    this.recurrentDropout = Math.min(1.0, Math.max(0.0, rate));
    return self();
  }

  /** Keras's {@code seed=} of the dropout masks. */
  public T seed(Long s) {
    this.seed = s;
    return self();
  }

  @SuppressWarnings("unchecked")
  protected final T self() {
    return (T) this;
  }

  /** Keras's {@code state_size}: the width of each state. */
  public abstract int[] stateSizes();

  /** Keras's {@code output_size}. */
  public int outputSize() {
    return units;
  }

  /** The number of gate blocks in the kernels (4 for LSTM, 3 for GRU, 1 for SimpleRNN). */
  protected abstract int gates();

  /** Keras's {@code recurrent_activation} of a gated cell (LSTM, GRU); null for SimpleRNN. */
  public ActivationFunction recurrentActivation() {
    return recurrentActivation;
  }

  /** Keras's {@code recurrent_activation=} of {@code LSTMCell} and {@code GRUCell} ("sigmoid"). */
  public T recurrentActivation(String name) {
    return recurrentActivation(Activations.get(name));
  }

  /** Keras's {@code recurrent_activation=} as a function; refused by a cell without gates. */
  public T recurrentActivation(ActivationFunction fn) {
    checkNotBuilt();
    if (recurrentActivation == null) {
      throw new UnsupportedOperationException(className() + " " + name() + " has no recurrent_activation (only "
          + "LSTMCell and GRUCell do)");
    }
    this.recurrentActivation = fn;
    return self();
  }

  /** Keras's Implementation 1 (separate masks per gate) applies when recurrent dropout is set. */
  protected int maskCount() {
    return recurrentDropout > 0 ? gates() : 1;
  }

  @Override
  protected void build(long[] stepInputShape) {
    long in = stepInputShape[stepInputShape.length - 1];
    if (in < 0) {
      throw new IllegalArgumentException("The last dimension of the inputs to " + className() + " " + name()
          + " should be defined. Found None.");
    }
    kernel = addWeight("kernel", new long[] {in, (long) units * gates()}, kernelInitializer, true);
    recurrentKernel = addWeight("recurrent_kernel", new long[] {units, (long) units * gates()}, recurrentInitializer,
        true);
    if (useBias) {
      bias = addWeight("bias", biasShape(), biasInitializer(), true);
    }
  }

  protected long[] biasShape() {
    return new long[] {(long) units * gates()};
  }

  /** The initializer of the bias weight (LSTM's {@code unit_forget_bias} overrides it). */
  protected Initializer biasInitializer() {
    return biasInitializer;
  }

  /** Draws the dropout masks of one call: inputs of shape [batch, features], state [batch, units]. */
  Masks masks(Ops tf, Operand<TFloat32> stepInput, Operand<TFloat32> state, boolean training) {
    List<Operand<TFloat32>> in = null;
    List<Operand<TFloat32>> rec = null;
    if (training && dropout > 0 && dropout < 1) {
      in = new ArrayList<>();
      for (int k = 0; k < maskCount(); k++) {
        in.add(dropoutMask(tf, stepInput, dropout));
      }
    }
    if (training && recurrentDropout > 0 && recurrentDropout < 1) {
      rec = new ArrayList<>();
      for (int k = 0; k < maskCount(); k++) {
        rec.add(dropoutMask(tf, state, recurrentDropout));
      }
    }
    return new Masks(in, rec);
  }

  private Operand<TFloat32> dropoutMask(Ops tf, Operand<TFloat32> like, double rate) {
    Context ctx = Context.current();
    long s1 = seed != null ? seed : ctx.nextSeed();
    long s2 = ctx.nextSeed();
    Operand<TFloat32> u = tf.random.randomUniform(tf.shape(like), TFloat32.class, RandomUniform.seed(s1),
        RandomUniform.seed2(s2));
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant((float) rate)), TFloat32.class);
    return tf.math.mul(keep, tf.constant((float) (1.0 / (1.0 - rate))));
  }

  /** The input bias of the projection (GRU's first row when {@code reset_after}). */
  protected Operand<TFloat32> inputBias(Ops tf) {
    return bias.value();
  }

  /**
   * {@code x . kernel + input_bias} for every time step at once: {@code x} is time-major {@code [T, batch, features]};
   * returns {@code [T, batch, gates * units]}. With dropout, each gate's block uses its own mask (Keras's
   * implementation 1) or all share one.
   */
  Operand<TFloat32> project(Ops tf, Operand<TFloat32> x, Masks m) {
    long features = kernel.shape()[0];
    long width = kernel.shape()[1];
    Operand<TFloat32> proj;
    if (m.input == null) {
      proj = matmul3(tf, x, kernel.value(), features, width);
    } else if (m.input.size() == 1) {
      proj = matmul3(tf, tf.math.mul(x, m.input.get(0)), kernel.value(), features, width);
    } else {
      List<Operand<TFloat32>> parts = new ArrayList<>();
      List<Operand<TFloat32>> ks = splitColumns(tf, kernel.value(), gates());
      for (int k = 0; k < gates(); k++) {
        parts.add(matmul3(tf, tf.math.mul(x, m.input.get(k)), ks.get(k), features, units));
      }
      proj = tf.concat(parts, tf.constant(-1));
    }
    if (useBias) {
      proj = tf.math.add(proj, inputBias(tf));
    }
    return proj;
  }

  private static Operand<TFloat32> matmul3(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w, long features, long width) {
    Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, features}));
    Operand<TFloat32> y = tf.linalg.matMul(flat, w);
    long t = x.shape().size(0);
    return tf.reshape(y, tf.constant(new long[] {t, -1, width}));
  }

  /** Splits the columns of a {@code [rows, n * units]} matrix into n blocks. */
  static List<Operand<TFloat32>> splitColumns(Ops tf, Operand<TFloat32> w, int n) {
    List<Operand<TFloat32>> out = new ArrayList<>();
    tf.split(tf.constant(1), w, (long) n).output().forEach(out::add);
    return out;
  }

  /** {@code h . recurrent_kernel}, with the recurrent dropout masks per gate block when they are active. */
  protected Operand<TFloat32> recurrent(Ops tf, Operand<TFloat32> h, Masks m) {
    if (m.recurrent == null) {
      return tf.linalg.matMul(h, recurrentKernel.value());
    }
    if (m.recurrent.size() == 1) {
      return tf.linalg.matMul(tf.math.mul(h, m.recurrent.get(0)), recurrentKernel.value());
    }
    List<Operand<TFloat32>> ks = splitColumns(tf, recurrentKernel.value(), gates());
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (int k = 0; k < gates(); k++) {
      parts.add(tf.linalg.matMul(tf.math.mul(h, m.recurrent.get(k)), ks.get(k)));
    }
    return tf.concat(parts, tf.constant(-1));
  }

  /**
   * One time step: {@code xProj} is this step's {@link #project projection} {@code [batch, gates * units]};
   * returns the output followed by the new states.
   */
  abstract List<Operand<TFloat32>> step(Ops tf, Operand<TFloat32> xProj, List<Operand<TFloat32>> states, Masks m);

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    return new long[] {inputShape[0], outputSize()};
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("name", name().substring(name().lastIndexOf('/') + 1));
    c.put("units", units);
    c.put("activation", activation.kerasName());
    if (recurrentActivation() != null) {
      c.put("recurrent_activation", recurrentActivation().kerasName());
    }
    c.put("use_bias", useBias);
    putExtraConfig(c);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("recurrent_initializer", Initializers.serialize(recurrentInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    for (String k : REGULARIZED) {
      c.put(k + "_regularizer", keras4j.regularizers.Regularizers.serialize(weightRegularizer(weightOf(k))));
    }
    for (String k : REGULARIZED) {
      c.put(k + "_constraint", keras4j.constraints.Constraints.serialize(weightConstraint(weightOf(k))));
    }
    c.put("dropout", dropout);
    c.put("recurrent_dropout", recurrentDropout);
    putTrailingConfig(c);
    c.put("seed", seed);
    return c;
  }

  /** Cell-specific keys written after {@code use_bias} (LSTM's {@code unit_forget_bias}). */
  protected void putExtraConfig(Map<String, Object> c) {}

  /** Cell-specific keys written after the dropout rates (GRU's {@code reset_after}). */
  protected void putTrailingConfig(Map<String, Object> c) {}

  /** A new, unbuilt cell with this one's options. */
  abstract RNNCell<?> recreate();

  /** The prefixes of Keras's {@code <prefix>_regularizer} and {@code <prefix>_constraint} keys of a cell. */
  private static final String[] REGULARIZED = {"kernel", "recurrent", "bias"};

  private static String weightOf(String prefix) {
    return prefix.equals("recurrent") ? "recurrent_kernel" : prefix;
  }

  /** Keras's {@code kernel_regularizer=}. */
  public T kernelRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("kernel", r);
    return self();
  }

  /** Keras's {@code recurrent_regularizer=}. */
  public T recurrentRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("recurrent_kernel", r);
    return self();
  }

  /** Keras's {@code bias_regularizer=}. */
  public T biasRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("bias", r);
    return self();
  }

  /** Keras's {@code kernel_constraint=}. */
  public T kernelConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("kernel", c);
    return self();
  }

  /** Keras's {@code recurrent_constraint=}. */
  public T recurrentConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("recurrent_kernel", c);
    return self();
  }

  /** Keras's {@code bias_constraint=}. */
  public T biasConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("bias", c);
    return self();
  }

  /** Reads the options every cell shares. */
  static <C extends RNNCell<C>> C configure(C cell, LayerConfig c) {
    for (String k : REGULARIZED) {
      cell.setWeightRegularizer(weightOf(k), c.getRegularizer(k + "_regularizer"));
      cell.setWeightConstraint(weightOf(k), c.getConstraint(k + "_constraint"));
    }
    cell.activation(c.has("activation") ? c.getActivation("activation") : Activations.get("tanh"))
        .useBias(c.getBool("use_bias", true))
        .kernelInitializer(c.getInitializer("kernel_initializer", "glorot_uniform"))
        .recurrentInitializer(c.getInitializer("recurrent_initializer", "orthogonal"))
        .biasInitializer(c.getInitializer("bias_initializer", "zeros"))
        .dropout(c.getDouble("dropout", 0))
        .recurrentDropout(c.getDouble("recurrent_dropout", 0));
    if (cell.recurrentActivation != null) {
      cell.recurrentActivation(c.has("recurrent_activation") ? c.getActivation("recurrent_activation")
          : Activations.get("sigmoid"));
    }
    if (c.has("seed")) {
      cell.seed((long) c.getInt("seed"));
    }
    return cell;
  }
}
