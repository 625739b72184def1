package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Conv2D(filters, kernel_size, ...)}; kernel shape {@code (kh, kw, in_channels, filters)}. */
public class Conv2D extends BaseConv<Conv2D> {
  /** Keras's {@code Conv2D(filters, (h, w))}. */
  public Conv2D(int filters, int kernelHeight, int kernelWidth) {
    super(filters, kernelHeight, kernelWidth);
  }

  /** A square kernel: Keras's {@code Conv2D(filters, k)}. */
  public Conv2D(int filters, int kernelSize) {
    this(filters, kernelSize, kernelSize);
  }

  @Override
  protected long[] kernelShape(long inChannels) {
    return new long[] {kernelSize[0], kernelSize[1], inChannels / groups, filters};
  }

  @Override
  protected long[] outputSpatial(long[] in) {
    return new long[] {
        padding.outputLength(in[0], kernelSize[0], strides[0], dilationRate[0]),
        padding.outputLength(in[1], kernelSize[1], strides[1], dilationRate[1])};
  }

  /** Keras's {@code groups}: the channels split into this many independent convolutions. */
  public Conv2D groups(int g) {
    return groupsOf(g);
  }

  @Override
  protected Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> x) {
    if (groups == 1 && dilationRate[0] == 1 && dilationRate[1] == 1 && singleOutputChannel(x)) {
      return singleChannelConvolve(tf, x);
    }
    return Convolutions.conv2d(tf, x, kernel.value(), kernelSize, strides, dilationRate, padding, groups);
  }

  /** A "same", stride-1 convolution of several channels into one, with an odd kernel (an autoencoder's last layer). */
  private boolean singleOutputChannel(Operand<TFloat32> x) {
    long in = x.shape().get(3);
    long[] s = x.shape().asArray();
    return filters == 1 && in > 1 && s[1] > 0 && s[2] > 0 && padding == Padding.SAME && strides[0] == 1 && strides[1] == 1
        && kernelSize[0] % 2 == 1 && kernelSize[1] % 2 == 1;
  }

  /**
   * The same values without oneDNN's one-output-channel convolution kernels, which are slow (seed 004's last layer:
   * 13.8 ms per step forward and backward). Default: {@link #tapsConvolve} (measured against the mirrored form below:
   * 0.94x CPU time per epoch on seed model M4, 0.985x on M3). {@code -Dkeras4j.singleChannelConv=mirrored}: the
   * input-gradient of the mirrored one-to-many convolution (about half the plain kernel's time).
   */
  private Operand<TFloat32> singleChannelConvolve(Ops tf, Operand<TFloat32> x) {
    if (!"mirrored".equals(System.getProperty("keras4j.singleChannelConv"))) {
      return tapsConvolve(tf, x);
    }
    long in = x.shape().get(3);
    Operand<TFloat32> flipped = tf.reverse(kernel.value(), tf.constant(new int[] {0, 1}));
    Operand<TFloat32> mirrored = tf.reshape(flipped, tf.constant(new long[] {kernelSize[0], kernelSize[1], 1, in}));
    long[] s = x.shape().asArray();
    Operand<org.tensorflow.types.TInt32> shape = tf.concat(java.util.List.of(
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
        tf.constant(new int[] {(int) s[1], (int) s[2], 1})), tf.constant(0));
    return tf.nn.conv2dBackpropInput(shape, mirrored, x, java.util.List.of(1L, 1L, 1L, 1L), "SAME");
  }

  /**
   * The same values as one matrix product and shifted sums: {@code Y = W x^T} gives every pixel's dot product with
   * each of the kernel's taps ({@code [kh kw, c] x [c, n h w]}, one GEMM forward and two backward, each tap a
   * contiguous row), and the output is the sum over taps of that tap's row shifted by its offset, zeros shifted in.
   */
  private Operand<TFloat32> tapsConvolve(Ops tf, Operand<TFloat32> x) {
    long[] s = x.shape().asArray();
    long h = s[1];
    long w = s[2];
    long c = s[3];
    int kh = kernelSize[0];
    int kw = kernelSize[1];
    int taps = kh * kw;
    Operand<TFloat32> k = tf.reshape(kernel.value(), tf.constant(new long[] {taps, c}));
    Operand<TFloat32> y = tf.linalg.matMul(k, tf.reshape(x, tf.constant(new long[] {-1, c})),
        org.tensorflow.op.linalg.MatMul.transposeB(true));
    java.util.List<Operand<TFloat32>> parts = new java.util.ArrayList<>();
    tf.split(tf.constant(0), y, (long) taps)
        .forEach(p -> parts.add(tf.reshape(p, tf.constant(new long[] {-1, h, w, 1}))));
    java.util.List<Operand<TFloat32>> shifted = new java.util.ArrayList<>();
    for (int i = 0; i < kh; i++) {
      for (int j = 0; j < kw; j++) {
        int di = i - (kh - 1) / 2;
        int dj = j - (kw - 1) / 2;
        Operand<TFloat32> part = parts.get(i * kw + j);
        if (di == 0 && dj == 0) {
          shifted.add(part);
          continue;
        }
        Operand<TFloat32> cut = tf.slice(part, tf.constant(new int[] {0, Math.max(0, di), Math.max(0, dj), 0}),
            tf.constant(new int[] {-1, (int) h - Math.abs(di), (int) w - Math.abs(dj), 1}));
        shifted.add(tf.pad(cut, tf.constant(new int[][] {{0, 0}, {Math.max(0, -di), Math.max(0, di)},
            {Math.max(0, -dj), Math.max(0, dj)}, {0, 0}}), tf.constant(0f)));
      }
    }
    return tf.math.addN(shifted);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("groups", groups);
    return c;
  }

  /** Keras's {@code Conv2D.from_config}. */
  public static Conv2D fromConfig(LayerConfig c) {
    int[] k = kernelSizeOf(c, 2);
    return new Conv2D(c.getInt("filters"), k[0], k[1]).configure(c);
  }
}
