package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The shared part of Keras's pooling layers over 1 or 2 spatial axes: pool size, strides (default: the pool size),
 * padding, data format. 1-D pooling runs as the 2-D kernel on a height-1 view of the input.
 */
public abstract class BasePooling<T extends BasePooling<T>> extends BaseLayer<T> {
  /** The number of spatial axes (1 or 2). */
  protected final int rank;
  protected final int[] poolSize;
  protected int[] strides;
  protected Padding padding = Padding.VALID;
  protected DataFormat dataFormat = DataFormat.CHANNELS_LAST;

  protected BasePooling(int poolHeight, int poolWidth) {
    this(new int[] {poolHeight, poolWidth});
  }

  /** Pooling over {@code poolSize.length} spatial axes. */
  protected BasePooling(int[] poolSize) {
    this.rank = poolSize.length;
    this.poolSize = positive("pool_size", poolSize);
    inputSpec(InputSpec.ndim(rank + 2));
  }

  private static int[] positive(String what, int[] a) {
    for (int v : a) {
      if (v <= 0) {
        throw new IllegalArgumentException("The `" + what + "` argument must be a tuple of " + a.length
            + " positive integers. Received: " + BaseConv.tuple(a));
      }
    }
    return a.clone();
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Keras's {@code strides=(h, w)} of 2-D pooling. */
  public T strides(int h, int w) {
    return stridesOf(new int[] {h, w});
  }

  /** Keras's {@code strides=s} along every spatial axis. */
  public T strides(int s) {
    int[] a = new int[rank];
    java.util.Arrays.fill(a, s);
    return stridesOf(a);
  }

  private T stridesOf(int[] s) {
    checkNotBuilt();
    if (s.length != rank) {
      throw new IllegalArgumentException("The `strides` argument must be a tuple of " + rank + " integers. Received: "
          + BaseConv.tuple(s));
    }
    this.strides = positive("strides", s);
    return self();
  }

  public T padding(String p) {
    checkNotBuilt();
    this.padding = Padding.of(p);
    return self();
  }

  public T dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return self();
  }

  protected int[] effectiveStrides() {
    return strides != null ? strides : poolSize;
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] in = dataFormat.spatialDims(inputShape, rank);
    int[] s = effectiveStrides();
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = padding.outputLength(in[i], poolSize[i], s[i], 1);
      if (out[i] == 0) {
        throw new IllegalArgumentException("Computed output size would be zero in layer " + name() + " for input shape "
            + keras4j.backend.Shapes.format(inputShape) + " and pool size " + BaseConv.tuple(poolSize));
      }
    }
    return dataFormat.shapeOf(inputShape[0], out, dataFormat.channels(inputShape));
  }

  /** Pools a channels-last rank-4 tensor. */
  protected abstract Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides);

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    int[] s = BaseConv.as2d(effectiveStrides());
    int[] p = BaseConv.as2d(poolSize);
    Operand<TFloat32> x = dataFormat.toChannelsLast(tf, input, rank);
    if (rank == 1) {
      x = tf.expandDims(x, tf.constant(1));
    }
    Operand<TFloat32> y = pool(tf, x, new long[] {1, p[0], p[1], 1}, new long[] {1, s[0], s[1], 1});
    if (rank == 1) {
      y = tf.squeeze(y, org.tensorflow.op.core.Squeeze.axis(java.util.List.of(1L)));
    }
    return dataFormat.fromChannelsLast(tf, y, rank);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("pool_size", BaseConv.list(poolSize));
    c.put("padding", padding.keras());
    c.put("strides", BaseConv.list(effectiveStrides()));
    c.put("data_format", dataFormat.keras());
    return c;
  }

  /** {@code pool_size} of a config as a tuple of this rank (Keras's default: 2 along every axis). */
  protected static int[] poolSizeOf(LayerConfig c, int rank) {
    int[] two = new int[rank];
    java.util.Arrays.fill(two, 2);
    return c.getInts("pool_size", rank, two);
  }

  /** Applies the shared pooling options of a Keras config. */
  protected T configure(LayerConfig c) {
    if (c.has("strides")) {
      stridesOf(c.getInts("strides", rank, null));
    }
    padding(c.getString("padding", "valid"));
    return dataFormat(c.getString("data_format", "channels_last"));
  }
}
