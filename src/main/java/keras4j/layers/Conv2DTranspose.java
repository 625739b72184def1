package keras4j.layers;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Keras's {@code Conv2DTranspose}; kernel shape {@code (kh, kw, filters, in_channels)}. */
public class Conv2DTranspose extends BaseConv<Conv2DTranspose> {
  private int[] outputPadding;

  /** Keras's {@code Conv2DTranspose(filters, (h, w))}. */
  public Conv2DTranspose(int filters, int kernelHeight, int kernelWidth) {
    super(filters, kernelHeight, kernelWidth);
  }

  /** Keras's {@code Conv2DTranspose(filters, kernel_size)}: a square kernel. */
  public Conv2DTranspose(int filters, int kernelSize) {
    this(filters, kernelSize, kernelSize);
  }

  /** Keras's {@code output_padding}; each must be smaller than the stride. */
  public Conv2DTranspose outputPadding(int h, int w) {
    checkNotBuilt();
    if (h < 0 || w < 0 || h >= strides[0] || w >= strides[1]) {
      throw new IllegalArgumentException("Conv2DTranspose output_padding must be non-negative and smaller than the strides "
          + "(" + strides[0] + ", " + strides[1] + "); received (" + h + ", " + w + ")");
    }
    this.outputPadding = new int[] {h, w};
    return this;
  }

  @Override
  protected long[] kernelShape(long inChannels) {
    return new long[] {kernelSize[0], kernelSize[1], filters, inChannels};
  }

  /** Keras's {@code deconv_output_length}. */
  static long length(long in, int k, int s, int d, Integer outPad, Padding padding) {
    if (in < 0) {
      return -1;
    }
    long kd = (long) (k - 1) * d + 1;
    if (outPad == null) {
      return padding == Padding.VALID ? in * s + Math.max(kd - s, 0) : in * s;
    }
    long pad = padding == Padding.SAME ? kd / 2 : 0;
    return (in - 1) * s + kd - 2 * pad + outPad;
  }

  @Override
  protected long[] outputSpatial(long[] in) {
    long h = in[0];
    long w = in[1];
    return new long[] {
        length(h, kernelSize[0], strides[0], dilationRate[0], outputPadding == null ? null : outputPadding[0], padding),
        length(w, kernelSize[1], strides[1], dilationRate[1], outputPadding == null ? null : outputPadding[1], padding)};
  }

  @Override
  protected Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> x) {
    long[] shape = x.shape().asArray();
    long[] hw = outputSpatial(new long[] {shape[1], shape[2]});
    Operand<TInt32> batch = tf.reshape(tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
        tf.constant(new int[] {1}));
    Operand<TInt32> outShape = tf.concat(List.of(batch, tf.constant(new int[] {(int) hw[0], (int) hw[1], filters})),
        tf.constant(0));
    return tf.nn.conv2dBackpropInput(outShape, kernel.value(), x, nhwc(strides), padding.tf(),
        org.tensorflow.op.nn.Conv2dBackpropInput.dilations(nhwc(dilationRate)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("output_padding", outputPadding == null ? null : List.of(outputPadding[0], outputPadding[1]));
    return c;
  }

  /** Keras's {@code Conv2DTranspose.from_config}. */
  public static Conv2DTranspose fromConfig(LayerConfig c) {
    int[] k = c.getPair("kernel_size", null);
    Conv2DTranspose layer = new Conv2DTranspose(c.getInt("filters"), k[0], k[1]).configure(c);
    if (c.has("output_padding")) {
      int[] p = c.getPair("output_padding", null);
      layer.outputPadding(p[0], p[1]);
    }
    return layer;
  }
}
