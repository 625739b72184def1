package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.backend.KerasVariable;
import keras4j.backend.Shapes;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The shared part of Keras's convolution layers ({@code BaseConv}) over 1 or 2 spatial axes: filters, kernel size,
 * strides, padding, data format, dilation, groups, activation, bias and initializers. A 1-D convolution runs as the
 * 2-D one on a height-1 view of its input, as TensorFlow's {@code conv1d} does.
 */
public abstract class BaseConv<T extends BaseConv<T>> extends BaseLayer<T> {
  /** The number of spatial axes (1 or 2). */
  protected final int rank;
  protected final int filters;
  protected final int[] kernelSize;
  protected int[] strides;
  protected Padding padding = Padding.VALID;
  protected DataFormat dataFormat = DataFormat.CHANNELS_LAST;
  protected int[] dilationRate;
  protected int groups = 1;
  protected ActivationFunction activation = Activations.get("linear");
  protected boolean useBias = true;
  protected Initializer kernelInitializer = Initializers.get("glorot_uniform");
  protected Initializer biasInitializer = Initializers.get("zeros");
  protected KerasVariable kernel;
  protected KerasVariable bias;

  /** A 2-D convolution. */
  protected BaseConv(int filters, int kernelHeight, int kernelWidth) {
    this(2, filters, new int[] {kernelHeight, kernelWidth});
  }

  /**
   * A convolution over {@code rank} spatial axes; {@code filters} 0 means "decided by the input" (depthwise
   * convolutions).
   */
  protected BaseConv(int rank, int filters, int[] kernelSize) {
    if (filters < 0 || (filters == 0 && !filtersFromInput())) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly positive value. Received filters="
          + filters);
    }
    if (kernelSize.length != rank) {
      throw new IllegalArgumentException("The `kernel_size` argument must be a tuple of " + rank + " integers. Received: "
          + tuple(kernelSize));
    }
    positive("kernel_size", kernelSize);
    this.rank = rank;
    this.filters = filters;
    this.kernelSize = kernelSize.clone();
    this.strides = ones(rank);
    this.dilationRate = ones(rank);
    inputSpec(InputSpec.ndim(rank + 2));
  }

  /** True for layers whose output channels follow from the input (Keras's depthwise convolutions). */
  protected boolean filtersFromInput() {
    return false;
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  static String tuple(int[] a) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < a.length; i++) {
      b.append(i > 0 ? ", " : "").append(a[i]);
    }
    return b.append(a.length == 1 ? ",)" : ")").toString();
  }

  private void positive(String what, int[] a) {
    for (int v : a) {
      if (v <= 0) {
        throw new IllegalArgumentException("The `" + what + "` argument must be a tuple of " + a.length
            + " positive integers. Received: " + tuple(a));
      }
    }
  }

  private int[] fill(int v) {
    int[] a = new int[rank];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private int[] ofRank(String what, int[] a) {
    if (a.length != rank) {
      throw new IllegalArgumentException("The `" + what + "` argument must be a tuple of " + rank + " integers. Received: "
          + tuple(a));
    }
    positive(what, a);
    return a.clone();
  }

  /** Keras's {@code strides=(h, w)} of a 2-D convolution. */
  public T strides(int h, int w) {
    return stridesOf(new int[] {h, w});
  }

  /** Keras's {@code strides=s}: the same stride along every spatial axis. */
  public T strides(int s) {
    return stridesOf(fill(s));
  }

  private T stridesOf(int[] s) {
    checkNotBuilt();
    this.strides = ofRank("strides", s);
    checkStridesAndDilation();
    return self();
  }

  /** Keras's {@code padding}: "valid" or "same" ("causal" too for Conv1D). */
  public T padding(String p) {
    checkNotBuilt();
    this.padding = allowsCausal() ? Padding.ofCausal(p) : Padding.of(p);
    return self();
  }

  /** Whether {@code padding="causal"} is allowed (Keras: 1-D convolutions only). */
  protected boolean allowsCausal() {
    return false;
  }

  /** Keras's {@code data_format}: "channels_last" or "channels_first". */
  public T dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return self();
  }

  /** Keras's {@code dilation_rate=(h, w)} of a 2-D convolution. */
  public T dilationRate(int h, int w) {
    return dilationOf(new int[] {h, w});
  }

  /** Keras's {@code dilation_rate=d}: the same rate along every spatial axis. */
  public T dilationRate(int d) {
    return dilationOf(fill(d));
  }

  private T dilationOf(int[] d) {
    checkNotBuilt();
    this.dilationRate = ofRank("dilation_rate", d);
    checkStridesAndDilation();
    return self();
  }

  /** Keras's {@code groups}: input and output channels split into this many independent convolutions. */
  protected T groupsOf(int g) {
    checkNotBuilt();
    if (g <= 0) {
      throw new IllegalArgumentException("The number of groups must be a positive integer. Received: groups=" + g + ".");
    }
    if (filters % g != 0) {
      throw new IllegalArgumentException("The number of filters must be evenly divisible by the number of groups. Received: groups="
          + g + ", filters=" + filters + ".");
    }
    this.groups = g;
    return self();
  }

  private void checkStridesAndDilation() {
    boolean s = false;
    boolean d = false;
    for (int i = 0; i < rank; i++) {
      s |= strides[i] > 1;
      d |= dilationRate[i] > 1;
    }
    if (s && d) {
      throw new IllegalArgumentException("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides="
          + tuple(strides) + " and dilation_rate=" + tuple(dilationRate));
    }
  }

  public T activation(String name) {
    return activation(Activations.get(name));
  }

  public T activation(ActivationFunction fn) {
    checkNotBuilt();
    this.activation = fn;
    return self();
  }

  public T useBias(boolean b) {
    checkNotBuilt();
    this.useBias = b;
    return self();
  }

  public T kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public T kernelInitializer(Initializer init) {
    checkNotBuilt();
    this.kernelInitializer = init;
    return self();
  }

  public T biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public T biasInitializer(Initializer init) {
    checkNotBuilt();
    this.biasInitializer = init;
    return self();
  }

  /** Keras's {@code kernel_regularizer=}. */
  public T kernelRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("kernel", r);
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

  /** Keras's {@code bias_constraint=}. */
  public T biasConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("bias", c);
    return self();
  }

  /** The kernel's shape for this many input channels. */
  protected abstract long[] kernelShape(long inChannels);

  /** The convolution itself, on channels-last input, without bias or activation. */
  protected abstract Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> x);

  /** Output spatial dimensions for input spatial dimensions (-1: unknown). */
  protected abstract long[] outputSpatial(long[] in);

  /** The number of output channels for this many input channels. */
  protected long outputChannels(long inChannels) {
    return filters;
  }

  /** Creates the weights for this many input channels: Keras's kernel and bias. */
  protected void createWeights(long channels) {
    kernel = addWeight("kernel", kernelShape(channels), kernelInitializer, true);
    if (useBias) {
      bias = addWeight("bias", new long[] {filters}, biasInitializer, true);
    }
  }

  @Override
  protected void build(long[] inputShape) {
    long channels = dataFormat.channels(inputShape);
    if (channels < 0) {
      throw new IllegalArgumentException("The channel dimension of the inputs to " + className() + " layer " + name()
          + " should be defined. Found None. Full input shape received: " + Shapes.format(inputShape));
    }
    if (channels % groups != 0) {
      throw new IllegalArgumentException("The number of input channels must be evenly divisible by the number of groups. Received groups="
          + groups + ", but the input has " + channels + " channels (full input shape is " + Shapes.format(inputShape) + ").");
    }
    createWeights(channels);
    inputSpec(InputSpec.ndim(rank + 2).axis(dataFormat.channelAxis(), channels));
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] out = outputSpatial(dataFormat.spatialDims(inputShape, rank));
    for (long d : out) {
      if (d == 0 || d < -1) {
        throw new IllegalArgumentException("Computed output size would be zero or negative in layer " + name()
            + " for input shape " + Shapes.format(inputShape) + " and kernel size " + tuple(kernelSize));
      }
    }
    long c = dataFormat.channels(inputShape);
    return dataFormat.shapeOf(inputShape[0], out, c < 0 ? -1 : outputChannels(c));
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    Operand<TFloat32> x = dataFormat.toChannelsLast(tf, input, rank);
    Operand<TFloat32> y = convolve(tf, x);
    if (useBias) {
      y = tf.nn.biasAdd(y, bias.value());
    }
    y = activation.apply(tf, y);
    return dataFormat.fromChannelsLast(tf, y, rank);
  }

  /** {@code (1, a, 1)} for 2-D ops, where a 1-D layer's axis is the width. */
  protected List<Long> nhwc(int[] a) {
    return a.length == 1 ? List.of(1L, 1L, (long) a[0], 1L) : List.of(1L, (long) a[0], (long) a[1], 1L);
  }

  /** The 2-D view {@code (1, a)} of a 1-D tuple, or the tuple itself. */
  protected static int[] as2d(int[] a) {
    return a.length == 1 ? new int[] {1, a[0]} : a;
  }

  /** A channels-last rank-3 tensor as rank 4 with height 1, or the tensor itself. */
  protected Operand<TFloat32> to2d(Ops tf, Operand<TFloat32> x) {
    return rank == 1 ? tf.expandDims(x, tf.constant(1)) : x;
  }

  /** The inverse of {@link #to2d}. */
  protected Operand<TFloat32> from2d(Ops tf, Operand<TFloat32> y) {
    return rank == 1 ? tf.squeeze(y, org.tensorflow.op.core.Squeeze.axis(List.of(1L))) : y;
  }

  /** The kernel as a 4-D {@code (kh, kw, in, out)} tensor. */
  protected Operand<TFloat32> kernel2d(Ops tf) {
    if (rank == 2) {
      return kernel.value();
    }
    return tf.expandDims(kernel.value(), tf.constant(0));
  }

  protected static List<Integer> list(int[] a) {
    List<Integer> l = new ArrayList<>();
    for (int v : a) {
      l.add(v);
    }
    return l;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    c.put("kernel_size", list(kernelSize));
    c.put("strides", list(strides));
    c.put("padding", padding.keras());
    c.put("data_format", dataFormat.keras());
    c.put("dilation_rate", list(dilationRate));
    c.put("activation", activation.kerasName());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    putRegularizerConfig(c, "kernel", "bias");
    return c;
  }

  /** {@code kernel_size} of a config, as a tuple of this rank. */
  protected static int[] kernelSizeOf(LayerConfig c, int rank) {
    return c.getInts("kernel_size", rank, null);
  }

  /** Applies the shared convolution options of a Keras config. */
  protected T configure(LayerConfig c) {
    readRegularizerConfig(c, "kernel", "bias");
    if (c.getInt("groups", 1) != 1) {
      groupsOf(c.getInt("groups", 1));
    }
    stridesOf(c.getInts("strides", rank, ones(rank)));
    dilationOf(c.getInts("dilation_rate", rank, ones(rank)));
    padding(c.getString("padding", "valid"));
    dataFormat(c.getString("data_format", "channels_last"));
    activation(c.getActivation("activation"));
    useBias(c.getBool("use_bias", true));
    kernelInitializer(c.getInitializer("kernel_initializer", "glorot_uniform"));
    return biasInitializer(c.getInitializer("bias_initializer", "zeros"));
  }

  @Override
  public ActivationFunction activationFunction() {
    return activation;
  }
}
