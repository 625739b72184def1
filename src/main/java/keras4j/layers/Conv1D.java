package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Conv1D(filters, kernel_size, strides=1, padding='valid', data_format='channels_last',
 * dilation_rate=1, groups=1, ...)}; kernel shape {@code (k, in_channels / groups, filters)}; padding "causal" pads
 * {@code dilation * (k - 1)} zeros on the left.
 */
public class Conv1D extends BaseConv<Conv1D> {
  public Conv1D(int filters, int kernelSize) {
    super(1, filters, new int[] {kernelSize});
  }

  /** Keras's {@code groups}. */
  public Conv1D groups(int g) {
    return groupsOf(g);
  }

  @Override
  protected boolean allowsCausal() {
    return true;
  }

  @Override
  protected long[] kernelShape(long inChannels) {
    return new long[] {kernelSize[0], inChannels / groups, filters};
  }

  @Override
  protected long[] outputSpatial(long[] in) {
    return new long[] {padding.outputLength(in[0], kernelSize[0], strides[0], dilationRate[0])};
  }

  @Override
  protected Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> x) {
    if (padding == Padding.CAUSAL) {
      int left = dilationRate[0] * (kernelSize[0] - 1);
      x = tf.pad(x, tf.constant(new int[][] {{0, 0}, {left, 0}, {0, 0}}), tf.constant(0f));
    }
    return from2d(tf, Convolutions.conv2d(tf, to2d(tf, x), kernel2d(tf), as2d(kernelSize), as2d(strides),
        as2d(dilationRate), padding == Padding.CAUSAL ? Padding.VALID : padding, groups));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> e : c.entrySet()) {
      out.put(e.getKey(), e.getValue());
      if (e.getKey().equals("dilation_rate")) {
        out.put("groups", groups);
      }
    }
    return out;
  }

  /** Keras's {@code Conv1D.from_config} (also tf.keras's {@code Convolution1D}). */
  public static Conv1D fromConfig(LayerConfig c) {
    return new Conv1D(c.getInt("filters"), kernelSizeOf(c, 1)[0]).configure(c);
  }
}
