package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code DepthwiseConv2D(kernel_size, strides=(1, 1), padding='valid', depth_multiplier=1, ...)}: each input
 * channel convolved with its own {@code depth_multiplier} filters; kernel {@code (kh, kw, in, depth_multiplier)},
 * bias {@code in * depth_multiplier}.
 */
public class DepthwiseConv2D extends BaseConv<DepthwiseConv2D> {
  private int depthMultiplier = 1;

  public DepthwiseConv2D(int kernelHeight, int kernelWidth) {
    super(2, 0, new int[] {kernelHeight, kernelWidth});
  }

  public DepthwiseConv2D(int kernelSize) {
    this(kernelSize, kernelSize);
  }

  @Override
  protected boolean filtersFromInput() {
    return true;
  }

  /** Keras's {@code depth_multiplier}. */
  public DepthwiseConv2D depthMultiplier(int m) {
    checkNotBuilt();
    if (m <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received depth_multiplier="
          + m + ".");
    }
    this.depthMultiplier = m;
    return this;
  }

  /** Keras's {@code depthwise_initializer}. */
  public DepthwiseConv2D depthwiseInitializer(String name) {
    return kernelInitializer(name);
  }

  /** Keras's {@code depthwise_regularizer=}. */
  public DepthwiseConv2D depthwiseRegularizer(keras4j.regularizers.Regularizer r) {
    return kernelRegularizer(r);
  }

  /** Keras's {@code depthwise_constraint=}. */
  public DepthwiseConv2D depthwiseConstraint(keras4j.constraints.Constraint c) {
    return kernelConstraint(c);
  }

  @Override
  protected long[] kernelShape(long inChannels) {
    return new long[] {kernelSize[0], kernelSize[1], inChannels, depthMultiplier};
  }

  @Override
  protected long outputChannels(long inChannels) {
    return inChannels * depthMultiplier;
  }

  @Override
  protected void createWeights(long channels) {
    kernel = addWeight("kernel", kernelShape(channels), kernelInitializer, true);
    if (useBias) {
      bias = addWeight("bias", new long[] {channels * depthMultiplier}, biasInitializer, true);
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
    return depthwise(tf, x, kernel.value(), kernelSize, strides, dilationRate, padding);
  }

  static Operand<TFloat32> depthwise(Ops tf, Operand<TFloat32> x, Operand<TFloat32> k, int[] kernelSize, int[] strides,
      int[] dilation, Padding padding) {
    List<Long> st = List.of(1L, (long) strides[0], (long) strides[1], 1L);
    return Convolutions.atrous(tf, x, kernelSize, dilation, padding, (v, pad) -> tf.nn.depthwiseConv2dNative(v, k, st, pad));
  }

  /** Keras 3's keys: {@code depth_multiplier} and {@code depthwise_*} instead of {@code filters} and {@code kernel_*}. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> base = super.getConfig();
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> e : base.entrySet()) {
      String k = e.getKey();
      if (k.equals("filters")) {
        c.put("depth_multiplier", depthMultiplier);
      } else if (k.startsWith("kernel_") && !k.equals("kernel_size")) {
        c.put("depthwise_" + k.substring("kernel_".length()), e.getValue());
      } else {
        c.put(k, e.getValue());
      }
    }
    return c;
  }

  /** Keras's {@code DepthwiseConv2D.from_config}. */
  public static DepthwiseConv2D fromConfig(LayerConfig c) {
    int[] k = kernelSizeOf(c, 2);
    DepthwiseConv2D d = new DepthwiseConv2D(k[0], k[1]).depthMultiplier(c.getInt("depth_multiplier", 1)).configure(c);
    d.setWeightRegularizer("kernel", c.getRegularizer("depthwise_regularizer"));
    d.setWeightConstraint("kernel", c.getConstraint("depthwise_constraint"));
    return d.kernelInitializer(c.getInitializer("depthwise_initializer", "glorot_uniform"));
  }
}
