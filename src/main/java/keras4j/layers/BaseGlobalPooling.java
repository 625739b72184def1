package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code BaseGlobalPooling}: reduces every spatial axis, {@code data_format} and {@code keepdims} as Keras. */
public abstract class BaseGlobalPooling<T extends BaseGlobalPooling<T>> extends BaseLayer<T> {
  protected final int rank;
  protected DataFormat dataFormat = DataFormat.CHANNELS_LAST;
  protected boolean keepdims;

  protected BaseGlobalPooling(int rank) {
    this.rank = rank;
    inputSpec(InputSpec.ndim(rank + 2));
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Keras's {@code data_format}. */
  public T dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return self();
  }

  /** Keras's {@code keepdims}: keep the spatial axes with length 1. */
  public T keepdims(boolean k) {
    checkNotBuilt();
    this.keepdims = k;
    return self();
  }

  private int[] axes() {
    int[] a = new int[rank];
    for (int i = 0; i < rank; i++) {
      a[i] = dataFormat == DataFormat.CHANNELS_LAST ? i + 1 : i + 2;
    }
    return a;
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long c = dataFormat.channels(inputShape);
    if (!keepdims) {
      return new long[] {inputShape[0], c};
    }
    long[] ones = new long[rank];
    java.util.Arrays.fill(ones, 1);
    return dataFormat.shapeOf(inputShape[0], ones, c);
  }

  /** Reduces over {@code axes}. */
  protected abstract Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> x, Operand<org.tensorflow.types.TInt32> axes);

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    Operand<TFloat32> y = reduce(tf, input, tf.constant(axes()));
    if (keepdims) {
      long[] s = computeOutputShape(input.shape().asArray());
      s[0] = -1;
      y = tf.reshape(y, tf.constant(s));
    }
    return y;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", dataFormat.keras());
    c.put("keepdims", keepdims);
    return c;
  }

  protected T configure(LayerConfig c) {
    dataFormat(c.getString("data_format", "channels_last"));
    return keepdims(c.getBool("keepdims", false));
  }
}
