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

  /** Keras's {@code depthwise_regularizer=}. */
  public SeparableConv2D depthwiseRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("depthwise_kernel", r);
    return this;
  }

  /** Keras's {@code pointwise_regularizer=}. */
  public SeparableConv2D pointwiseRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("pointwise_kernel", r);
    return this;
  }

  /** Keras's {@code depthwise_constraint=}. */
  public SeparableConv2D depthwiseConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("depthwise_kernel", c);
    return this;
  }

  /** Keras's {@code pointwise_constraint=}. */
  public SeparableConv2D pointwiseConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("pointwise_kernel", c);
    return this;
  }

  /** SeparableConv2D has no single kernel: use {@link #depthwiseRegularizer} and {@link #pointwiseRegularizer}. */
  @Override
  public SeparableConv2D kernelRegularizer(keras4j.regularizers.Regularizer r) {
    throw new UnsupportedOperationException("SeparableConv2D " + name()
        + " has no `kernel_regularizer`: use depthwiseRegularizer and pointwiseRegularizer");
  }

  /** SeparableConv2D has no single kernel: use {@link #depthwiseConstraint} and {@link #pointwiseConstraint}. */
  @Override
  public SeparableConv2D kernelConstraint(keras4j.constraints.Constraint c) {
    throw new UnsupportedOperationException("SeparableConv2D " + name()
        + " has no `kernel_constraint`: use depthwiseConstraint and pointwiseConstraint");
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
        if (rest.equals("initializer")) {
          c.put("depthwise_" + rest, e.getValue());
          c.put("pointwise_" + rest, Initializers.serialize(pointwiseInitializer));
        } else if (rest.equals("regularizer")) {
          c.put("depthwise_" + rest, keras4j.regularizers.Regularizers.serialize(weightRegularizer("depthwise_kernel")));
          c.put("pointwise_" + rest, keras4j.regularizers.Regularizers.serialize(weightRegularizer("pointwise_kernel")));
        } else {
          c.put("depthwise_" + rest, keras4j.constraints.Constraints.serialize(weightConstraint("depthwise_kernel")));
          c.put("pointwise_" + rest, keras4j.constraints.Constraints.serialize(weightConstraint("pointwise_kernel")));
        }
      } else {
        c.put(k, e.getValue());
      }
    }
    return c;
  }

  /** Keras's {@code SeparableConv2D.from_config} (also tf.keras's {@code SeparableConvolution2D}). */
  public static SeparableConv2D fromConfig(LayerConfig c) {
    int[] k = kernelSizeOf(c, 2);
    SeparableConv2D s = new SeparableConv2D(c.getInt("filters"), k[0], k[1]).depthMultiplier(c.getInt("depth_multiplier", 1))
        .configure(c);
    s.pointwiseInitializer = c.getInitializer("pointwise_initializer", "glorot_uniform");
    for (String w : new String[] {"depthwise", "pointwise"}) {
      s.setWeightRegularizer(w + "_kernel", c.getRegularizer(w + "_regularizer"));
      s.setWeightConstraint(w + "_kernel", c.getConstraint(w + "_constraint"));
    }
    return s.kernelInitializer(c.getInitializer("depthwise_initializer", "glorot_uniform"));
  }
}
