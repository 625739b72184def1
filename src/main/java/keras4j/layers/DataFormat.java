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
}
