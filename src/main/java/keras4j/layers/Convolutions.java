package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The 2-D convolution kernels shared by Conv1D (on a height-1 view) and Conv2D; channels-last, no bias. */
final class Convolutions {
  private Convolutions() {}

  /**
   * {@code x} (N, H, W, C) with {@code kernel} (kh, kw, C / groups, F). Dilated kernels run as
   * {@code tf.nn.atrous_conv2d} does (space-to-batch, plain convolution, batch-to-space): oneDNN's filter gradient
   * of the dilated Conv2D op fails on some shapes. Groups run as one convolution per group, concatenated.
   */
  static Operand<TFloat32> conv2d(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, int[] kernelSize, int[] strides,
      int[] dilation, Padding padding, int groups) {
    if (groups > 1) {
      long in = x.shape().get(3);
      long out = kernel.shape().get(3);
      long ig = in / groups;
      long og = out / groups;
      List<Operand<TFloat32>> parts = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        Operand<TFloat32> xg = tf.slice(x, tf.constant(new int[] {0, 0, 0, (int) (g * ig)}),
            tf.constant(new int[] {-1, -1, -1, (int) ig}));
        Operand<TFloat32> kg = tf.slice(kernel, tf.constant(new int[] {0, 0, 0, (int) (g * og)}),
            tf.constant(new int[] {-1, -1, -1, (int) og}));
        parts.add(conv2d(tf, xg, kg, kernelSize, strides, dilation, padding, 1));
      }
      return tf.concat(parts, tf.constant(3));
    }
    List<Long> st = List.of(1L, (long) strides[0], (long) strides[1], 1L);
    return atrous(tf, x, kernelSize, dilation, padding, (v, pad) -> tf.nn.conv2d(v, kernel, st, pad));
  }

  /**
   * A stride-1 dilated convolution as {@code tf.nn.with_space_to_batch} runs it: the input spread into
   * {@code dilation} batches, {@code op} applied with VALID padding, the result gathered back. Without dilation,
   * {@code op} runs directly with the layer's padding (then it may be strided).
   */
  static Operand<TFloat32> atrous(Ops tf, Operand<TFloat32> x, int[] kernelSize, int[] dilation, Padding padding,
      java.util.function.BiFunction<Operand<TFloat32>, String, Operand<TFloat32>> op) {
    if (dilation[0] == 1 && dilation[1] == 1) {
      return op.apply(x, padding.tf());
    }
    long[] s = x.shape().asArray();
    int[][] pads = new int[2][2];
    int[][] crops = new int[2][2];
    for (int d = 0; d < 2; d++) {
      long in = s[d + 1];
      if (in < 0) {
        throw new IllegalArgumentException("keras4j runs dilated convolutions on inputs of known spatial size only; received "
            + keras4j.backend.Shapes.format(s) + " (give the Input a fixed length)");
      }
      int dk = (kernelSize[d] - 1) * dilation[d] + 1;
      int baseStart = padding == Padding.SAME ? (dk - 1) / 2 : 0;
      int baseEnd = padding == Padding.SAME ? dk - 1 - baseStart : 0;
      int extra = (int) ((dilation[d] - (in + baseStart + baseEnd) % dilation[d]) % dilation[d]);
      pads[d] = new int[] {baseStart, baseEnd + extra};
      crops[d] = new int[] {0, extra};
    }
    Operand<TFloat32> y = tf.spaceToBatchNd(x, tf.constant(dilation), tf.constant(pads));
    y = op.apply(y, "VALID");
    return tf.batchToSpaceNd(y, tf.constant(dilation), tf.constant(crops));
  }

  /** The batch size of {@code x} as a 1-element int32 vector. */
  static Operand<TInt32> batch(Ops tf, Operand<TFloat32> x) {
    return tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
  }
}
