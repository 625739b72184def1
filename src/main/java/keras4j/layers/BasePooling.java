package keras4j.layers;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The shared part of Keras's 2-D pooling layers: pool size, strides (default: the pool size), padding, format. */
public abstract class BasePooling<T extends BasePooling<T>> extends BaseLayer<T> {
  /** Keras's {@code pool_size} (height, width). */
  protected final int[] poolSize;
  /** Keras's {@code strides}; null means the pool size, as in Keras. */
  protected int[] strides;
  /** Keras's {@code padding}. */
  protected Padding padding = Padding.VALID;
  /** Keras's {@code data_format}. */
  protected DataFormat dataFormat = DataFormat.CHANNELS_LAST;

  /** A pooling layer with Keras's {@code pool_size=(h, w)}. */
  protected BasePooling(int poolHeight, int poolWidth) {
    if (poolHeight <= 0 || poolWidth <= 0) {
      throw new IllegalArgumentException("The `pool_size` argument must be a tuple of 2 positive integers. Received: ("
          + poolHeight + ", " + poolWidth + ")");
    }
    this.poolSize = new int[] {poolHeight, poolWidth};
    inputSpec(InputSpec.ndim(4));
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Keras's {@code strides=(h, w)}. */
  public T strides(int h, int w) {
    checkNotBuilt();
    if (h <= 0 || w <= 0) {
      throw new IllegalArgumentException("The `strides` argument must be a tuple of 2 positive integers. Received: ("
          + h + ", " + w + ")");
    }
    this.strides = new int[] {h, w};
    return self();
  }

  /** Keras's {@code strides=s}. */
  public T strides(int s) {
    return strides(s, s);
  }

  /** Keras's {@code padding='valid'|'same'}. */
  public T padding(String p) {
    checkNotBuilt();
    this.padding = Padding.of(p);
    return self();
  }

  /** Keras's {@code data_format='channels_last'|'channels_first'}. */
  public T dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return self();
  }

  /** The strides in use: the pool size when none were given. */
  protected int[] effectiveStrides() {
    return strides != null ? strides : poolSize;
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] hwc = dataFormat.spatial(inputShape);
    int[] s = effectiveStrides();
    long h = padding.outputLength(hwc[0], poolSize[0], s[0], 1);
    long w = padding.outputLength(hwc[1], poolSize[1], s[1], 1);
    if (h == 0 || w == 0) {
      throw new IllegalArgumentException("Computed output size would be zero in layer " + name() + " for input shape "
          + keras4j.backend.Shapes.format(inputShape) + " and pool size (" + poolSize[0] + ", " + poolSize[1] + ")");
    }
    return dataFormat.shape(inputShape[0], h, w, hwc[2]);
  }

  /** Pools a channels-last tensor. */
  protected abstract Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides);

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    int[] s = effectiveStrides();
    Operand<TFloat32> x = dataFormat.toChannelsLast(tf, input);
    Operand<TFloat32> y = pool(tf, x, new long[] {1, poolSize[0], poolSize[1], 1}, new long[] {1, s[0], s[1], 1});
    return dataFormat.fromChannelsLast(tf, y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    int[] s = effectiveStrides();
    c.put("pool_size", List.of(poolSize[0], poolSize[1]));
    c.put("padding", padding.keras());
    c.put("strides", List.of(s[0], s[1]));
    c.put("data_format", dataFormat.keras());
    return c;
  }

  /** Applies the shared pooling options of a Keras config. */
  protected T configure(LayerConfig c) {
    if (c.has("strides")) {
      int[] s = c.getPair("strides", null);
      strides(s[0], s[1]);
    }
    padding(c.getString("padding", "valid"));
    return dataFormat(c.getString("data_format", "channels_last"));
  }
}
