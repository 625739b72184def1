package keras4j.layers;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Keras's {@code Conv1DTranspose(filters, kernel_size, strides=1, padding='valid', output_padding=None, ...)}; kernel {@code (k, filters, in)}. */
public class Conv1DTranspose extends BaseConv<Conv1DTranspose> {
  private Integer outputPadding;

  public Conv1DTranspose(int filters, int kernelSize) {
    super(1, filters, new int[] {kernelSize});
  }

  /** Keras's {@code output_padding}; smaller than the stride. */
  public Conv1DTranspose outputPadding(int p) {
    checkNotBuilt();
    if (p < 0 || p >= strides[0]) {
      throw new IllegalArgumentException("Conv1DTranspose output_padding must be non-negative and smaller than the strides ("
          + strides[0] + ",); received " + p);
    }
    this.outputPadding = p;
    return this;
  }

  @Override
  protected long[] kernelShape(long inChannels) {
    return new long[] {kernelSize[0], filters, inChannels};
  }

  @Override
  protected long[] outputSpatial(long[] in) {
    return new long[] {Conv2DTranspose.length(in[0], kernelSize[0], strides[0], dilationRate[0], outputPadding, padding)};
  }

  @Override
  protected Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> x) {
    long len = outputSpatial(new long[] {x.shape().get(1)})[0];
    if (len < 0) {
      throw new IllegalArgumentException("Layer " + name() + " (Conv1DTranspose): keras4j needs a known number of steps; received "
          + keras4j.backend.Shapes.format(x.shape().asArray()) + " (give the Input a fixed length)");
    }
    Operand<TInt32> outShape = tf.concat(List.of(Convolutions.batch(tf, x), tf.constant(new int[] {1, (int) len, filters})),
        tf.constant(0));
    return from2d(tf, tf.nn.conv2dBackpropInput(outShape, kernel2d(tf), to2d(tf, x), nhwc(strides), padding.tf(),
        Conv2dBackpropInput.dilations(nhwc(dilationRate))));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> e : c.entrySet()) {
      out.put(e.getKey(), e.getValue());
      if (e.getKey().equals("padding")) {
        out.put("output_padding", outputPadding == null ? null : List.of(outputPadding));
      }
    }
    return out;
  }

  /** Keras's {@code Conv1DTranspose.from_config} (also tf.keras's {@code Convolution1DTranspose}). */
  public static Conv1DTranspose fromConfig(LayerConfig c) {
    Conv1DTranspose layer = new Conv1DTranspose(c.getInt("filters"), kernelSizeOf(c, 1)[0]).configure(c);
    if (c.has("output_padding")) {
      layer.outputPadding(c.getInts("output_padding", 1, null)[0]);
    }
    return layer;
  }
}
