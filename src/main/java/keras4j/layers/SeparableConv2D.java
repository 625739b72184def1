package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SeparableConv2D(filters, kernel_size, ..., depth_multiplier=1)}: a depthwise convolution
 * ({@code depthwise_kernel (kh, kw, in, depth_multiplier)}) followed by a 1x1 convolution
 * ({@code pointwise_kernel (1, 1, in * depth_multiplier, filters)}), then bias and activation.
 */
public class SeparableConv2D extends BaseConv<SeparableConv2D> {
  private int depthMultiplier = 1;
  private Initializer pointwiseInitializer = Initializers.get("glorot_uniform");
  private KerasVariable pointwise;

  public SeparableConv2D(int filters, int kernelHeight, int kernelWidth) {
    super(filters, kernelHeight, kernelWidth);
  }

  public SeparableConv2D(int filters, int kernelSize) {
    this(filters, kernelSize, kernelSize);
  }

  /** Keras's {@code depth_multiplier}. */
  public SeparableConv2D depthMultiplier(int m) {
    checkNotBuilt();
    if (m <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received depth_multiplier="
          + m + ".");
    }
    this.depthMultiplier = m;
    return this;
  }

  /** Keras's {@code depthwise_initializer}. */
  public SeparableConv2D depthwiseInitializer(String name) {
    return kernelInitializer(name);
  }

  /** Keras's {@code pointwise_initializer}. */
  public SeparableConv2D pointwiseInitializer(String name) {
    checkNotBuilt();
    this.pointwiseInitializer = Initializers.get(name);
    return this;
  }

  @Override
  protected long[] kernelShape(long inChannels) {
    return new long[] {kernelSize[0], kernelSize[1], inChannels, depthMultiplier};
  }

  @Override
  protected void createWeights(long channels) {
    kernel = addWeight("depthwise_kernel", kernelShape(channels), kernelInitializer, true);
    pointwise = addWeight("pointwise_kernel", new long[] {1, 1, channels * depthMultiplier, filters}, pointwiseInitializer,
        true);
    if (useBias) {
      bias = addWeight("bias", new long[] {filters}, biasInitializer, true);
    }
  }

  @Override
  protected long[] outputSpatial(long[] in) {
    return new long[] {
        padding.outputLength(in[0], kernelSize[0], strides[0], dilationRate[0]),
        padding.outputLength(in[1], kernelSize[1], strides[1], dilationRate[1])};
  }

  @Override
  protected Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> d = DepthwiseConv2D.depthwise(tf, x, kernel.value(), kernelSize, strides, dilationRate, padding);
    return tf.nn.conv2d(d, pointwise.value(), List.of(1L, 1L, 1L, 1L), "VALID");
  }

  /** Keras 3's keys: {@code depthwise_*} and {@code pointwise_*} instead of {@code kernel_*}. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> base = super.getConfig();
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> e : base.entrySet()) {
      String k = e.getKey();
      if (k.equals("filters")) {
        c.put("depth_multiplier", depthMultiplier);
        c.put(k, e.getValue());
      } else if (k.startsWith("kernel_") && !k.equals("kernel_size")) {
        String rest = k.substring("kernel_".length());
        c.put("depthwise_" + rest, e.getValue());
        c.put("pointwise_" + rest, rest.equals("initializer") ? Initializers.serialize(pointwiseInitializer) : null);
      } else {
        c.put(k, e.getValue());
      }
    }
    return c;
  }

  /** Keras's {@code SeparableConv2D.from_config} (also tf.keras's {@code SeparableConvolution2D}). */
  public static SeparableConv2D fromConfig(LayerConfig c) {
    c.requireNull("depthwise_regularizer", "depthwise_constraint", "pointwise_regularizer", "pointwise_constraint");
    int[] k = kernelSizeOf(c, 2);
    SeparableConv2D s = new SeparableConv2D(c.getInt("filters"), k[0], k[1]).depthMultiplier(c.getInt("depth_multiplier", 1))
        .configure(c);
    s.pointwiseInitializer = c.getInitializer("pointwise_initializer", "glorot_uniform");
    return s.kernelInitializer(c.getInitializer("depthwise_initializer", "glorot_uniform"));
  }
}
