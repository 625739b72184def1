package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code data_format}: where the channel axis of image tensors is. CPU kernels run channels_last. */
public enum DataFormat {
  /** Keras's {@code channels_last}: (batch, height, width, channels). */
  CHANNELS_LAST,
  /** Keras's {@code channels_first}: (batch, channels, height, width). */
  CHANNELS_FIRST;

  /** Parses Keras's option string; null means {@code channels_last}. */
  public static DataFormat of(String s) {
    if (s == null) {
      return CHANNELS_LAST;
    }
    switch (s) {
      case "channels_last": return CHANNELS_LAST;
      case "channels_first": return CHANNELS_FIRST;
      default:
        throw new IllegalArgumentException("Unknown data_format '" + s + "': expected 'channels_last' or 'channels_first'");
    }
  }

  /** Keras's spelling ({@code channels_last}, {@code channels_first}). */
  public String keras() {
    return name().toLowerCase();
  }

  /** Rearranges a rank-4 channels-first tensor to channels-last, or passes it through. */
  Operand<TFloat32> toChannelsLast(Ops tf, Operand<TFloat32> x) {
    return this == CHANNELS_LAST ? x : tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 3, 1}));
  }

  /** The inverse of {@link #toChannelsLast}. */
  Operand<TFloat32> fromChannelsLast(Ops tf, Operand<TFloat32> x) {
    return this == CHANNELS_LAST ? x : tf.linalg.transpose(x, tf.constant(new int[] {0, 3, 1, 2}));
  }

  /** Spatial dimensions (h, w) and channels of a rank-4 shape. */
  long[] spatial(long[] shape) {
    return this == CHANNELS_LAST ? new long[] {shape[1], shape[2], shape[3]} : new long[] {shape[2], shape[3], shape[1]};
  }

  long[] shape(long batch, long h, long w, long c) {
    return this == CHANNELS_LAST ? new long[] {batch, h, w, c} : new long[] {batch, c, h, w};
  }

  int channelAxis() {
    return this == CHANNELS_LAST ? -1 : 1;
  }

  /** Rearranges a channels-first tensor with {@code spatialRank} spatial axes to channels-last, or passes it through. */
  Operand<TFloat32> toChannelsLast(Ops tf, Operand<TFloat32> x, int spatialRank) {
    if (this == CHANNELS_LAST) {
      return x;
    }
    int[] perm = new int[spatialRank + 2];
    for (int i = 1; i <= spatialRank; i++) {
      perm[i] = i + 1;
    }
    perm[spatialRank + 1] = 1;
    return tf.linalg.transpose(x, tf.constant(perm));
  }

  /** The inverse of {@link #toChannelsLast(Ops, Operand, int)}. */
  Operand<TFloat32> fromChannelsLast(Ops tf, Operand<TFloat32> x, int spatialRank) {
    if (this == CHANNELS_LAST) {
      return x;
    }
    int[] perm = new int[spatialRank + 2];
    perm[1] = spatialRank + 1;
    for (int i = 2; i <= spatialRank + 1; i++) {
      perm[i] = i - 1;
    }
    return tf.linalg.transpose(x, tf.constant(perm));
  }

  /** The spatial dimensions of a shape with {@code spatialRank} spatial axes, in order. */
  long[] spatialDims(long[] shape, int spatialRank) {
    long[] out = new long[spatialRank];
    System.arraycopy(shape, this == CHANNELS_LAST ? 1 : 2, out, 0, spatialRank);
    return out;
  }

  /** The channel dimension of a shape. */
  long channels(long[] shape) {
    return this == CHANNELS_LAST ? shape[shape.length - 1] : shape[1];
  }

  /** A full shape from batch, spatial dimensions and channels. */
  long[] shapeOf(long batch, long[] spatial, long channels) {
    long[] out = new long[spatial.length + 2];
    out[0] = batch;
    if (this == CHANNELS_LAST) {
      System.arraycopy(spatial, 0, out, 1, spatial.length);
      out[spatial.length + 1] = channels;
    } else {
      out[1] = channels;
      System.arraycopy(spatial, 0, out, 2, spatial.length);
    }
    return out;
  }
}
