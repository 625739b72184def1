package keras4j.layers;

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
 * The shared part of Keras's 2-D convolution layers ({@code BaseConv}): filters, kernel size, strides, padding,
 * data format, dilation, activation, bias and initializers.
 */
public abstract class BaseConv<T extends BaseConv<T>> extends BaseLayer<T> {
  /** Keras's {@code filters}. */
  protected final int filters;
  /** Keras's {@code kernel_size} (height, width). */
  protected final int[] kernelSize;
  /** Keras's {@code strides} (height, width). */
  protected int[] strides = {1, 1};
  /** Keras's {@code padding}. */
  protected Padding padding = Padding.VALID;
  /** Keras's {@code data_format}. */
  protected DataFormat dataFormat = DataFormat.CHANNELS_LAST;
  /** Keras's {@code dilation_rate} (height, width). */
  protected int[] dilationRate = {1, 1};
  /** Keras's {@code activation}. */
  protected ActivationFunction activation = Activations.get("linear");
  /** Keras's {@code use_bias}. */
  protected boolean useBias = true;
  /** Keras's {@code kernel_initializer}. */
  protected Initializer kernelInitializer = Initializers.get("glorot_uniform");
  /** Keras's {@code bias_initializer}. */
  protected Initializer biasInitializer = Initializers.get("zeros");
  /** Keras's {@code layer.kernel}, created by {@code build}. */
  protected KerasVariable kernel;
  /** Keras's {@code layer.bias}, created by {@code build} when {@code use_bias}. */
  protected KerasVariable bias;

  /** A convolution with Keras's {@code filters} and {@code kernel_size=(h, w)}. */
  protected BaseConv(int filters, int kernelHeight, int kernelWidth) {
    if (filters <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly positive value. Received filters="
          + filters);
    }
    positive("kernel_size", kernelHeight, kernelWidth);
    this.filters = filters;
    this.kernelSize = new int[] {kernelHeight, kernelWidth};
    inputSpec(InputSpec.ndim(4));
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  private static void positive(String what, int a, int b) {
    if (a <= 0 || b <= 0) {
      throw new IllegalArgumentException("The `" + what + "` argument must be a tuple of 2 positive integers. Received: ("
          + a + ", " + b + ")");
    }
  }

  /** Keras's {@code strides=(h, w)}. */
  public T strides(int h, int w) {
    checkNotBuilt();
    positive("strides", h, w);
    this.strides = new int[] {h, w};
    checkStridesAndDilation();
    return self();
  }

  /** Keras's {@code strides=s}. */
  public T strides(int s) {
    return strides(s, s);
  }

  /** Keras's {@code padding='valid'|'same'}. */
  public T padding(String p) {
    checkNotBuilt();
    this.padding = Padding.of(p);
    return self();
  }

  /** Keras's {@code data_format='channels_last'|'channels_first'}. */
  public T dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return self();
  }

  /** Keras's {@code dilation_rate=(h, w)}. */
  public T dilationRate(int h, int w) {
    checkNotBuilt();
    positive("dilation_rate", h, w);
    this.dilationRate = new int[] {h, w};
    checkStridesAndDilation();
    return self();
  }

  /** Keras's {@code dilation_rate=d}. */
  public T dilationRate(int d) {
    return dilationRate(d, d);
  }

  private void checkStridesAndDilation() {
    if ((strides[0] > 1 || strides[1] > 1) && (dilationRate[0] > 1 || dilationRate[1] > 1)) {
      throw new IllegalArgumentException("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=("
          + strides[0] + ", " + strides[1] + ") and dilation_rate=(" + dilationRate[0] + ", " + dilationRate[1] + ")");
    }
  }

  /** Keras's {@code activation='name'}. */
  public T activation(String name) {
    return activation(Activations.get(name));
  }

  /** Keras's {@code activation=fn}. */
  public T activation(ActivationFunction fn) {
    checkNotBuilt();
    this.activation = fn;
    return self();
  }

  /** Keras's {@code use_bias}. */
  public T useBias(boolean b) {
    checkNotBuilt();
    this.useBias = b;
    return self();
  }

  /** Keras's {@code kernel_initializer='name'}. */
  public T kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  /** Keras's {@code kernel_initializer=initializer}. */
  public T kernelInitializer(Initializer init) {
    checkNotBuilt();
    this.kernelInitializer = init;
    return self();
  }

  /** Keras's {@code bias_initializer='name'}. */
  public T biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  /** Keras's {@code bias_initializer=initializer}. */
  public T biasInitializer(Initializer init) {
    checkNotBuilt();
    this.biasInitializer = init;
    return self();
  }

  /** The kernel's shape for this many input channels. */
  protected abstract long[] kernelShape(long inChannels);

  /** The convolution itself, on channels-last input, without bias or activation. */
  protected abstract Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> x);

  /** Output (height, width) for an input (height, width). */
  protected abstract long[] outputSpatial(long h, long w);

  @Override
  protected void build(long[] inputShape) {
    long channels = dataFormat.spatial(inputShape)[2];
    if (channels < 0) {
      throw new IllegalArgumentException("The channel dimension of the inputs to " + className() + " layer " + name()
          + " should be defined. Found None. Full input shape received: " + Shapes.format(inputShape));
    }
    kernel = addWeight("kernel", kernelShape(channels), kernelInitializer, true);
    if (useBias) {
      bias = addWeight("bias", new long[] {filters}, biasInitializer, true);
    }
    inputSpec(InputSpec.ndim(4).axis(dataFormat.channelAxis(), channels));
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] hwc = dataFormat.spatial(inputShape);
    long[] hw = outputSpatial(hwc[0], hwc[1]);
    if (hw[0] == 0 || hw[1] == 0) {
      throw new IllegalArgumentException("Computed output size would be zero or negative in layer " + name()
          + " for input shape " + Shapes.format(inputShape) + " and kernel size (" + kernelSize[0] + ", "
          + kernelSize[1] + ")");
    }
    return dataFormat.shape(inputShape[0], hw[0], hw[1], filters);
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    Operand<TFloat32> x = dataFormat.toChannelsLast(tf, input);
    Operand<TFloat32> y = convolve(tf, x);
    if (useBias) {
      y = tf.nn.biasAdd(y, bias.value());
    }
    y = activation.apply(tf, y);
    return dataFormat.fromChannelsLast(tf, y);
  }

  /** A (1, h, w, 1) list for TensorFlow's NHWC attributes (strides, dilations). */
  protected List<Long> nhwc(int[] hw) {
    return List.of(1L, (long) hw[0], (long) hw[1], 1L);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    c.put("kernel_size", List.of(kernelSize[0], kernelSize[1]));
    c.put("strides", List.of(strides[0], strides[1]));
    c.put("padding", padding.keras());
    c.put("data_format", dataFormat.keras());
    c.put("dilation_rate", List.of(dilationRate[0], dilationRate[1]));
    c.put("activation", activation.kerasName());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put("kernel_regularizer", null);
    c.put("bias_regularizer", null);
    c.put("activity_regularizer", null);
    c.put("kernel_constraint", null);
    c.put("bias_constraint", null);
    return c;
  }

  /** Applies the shared convolution options of a Keras config. */
  protected T configure(LayerConfig c) {
    c.requireNull("kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint");
    if (c.getInt("groups", 1) != 1) {
      throw new IllegalArgumentException("Layer '" + c.layerName() + "' uses groups=" + c.getInt("groups", 1)
          + ", which keras4j does not support yet");
    }
    int[] s = c.getPair("strides", new int[] {1, 1});
    int[] d = c.getPair("dilation_rate", new int[] {1, 1});
    strides(s[0], s[1]);
    dilationRate(d[0], d[1]);
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
