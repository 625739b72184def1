package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code MaxPooling1D(pool_size=2, strides=None, padding='valid', data_format='channels_last')}. */
public class MaxPooling1D extends BasePooling<MaxPooling1D> {
  public MaxPooling1D(int poolSize) {
    super(new int[] {poolSize});
  }

  /** Keras's default pool size 2. */
  public MaxPooling1D() {
    this(2);
  }

  @Override
  protected Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides) {
    return MaxPooling2D.pool2d(tf, x, ksize, strides, padding);
  }

  /** Keras's {@code MaxPooling1D.from_config}. */
  public static MaxPooling1D fromConfig(LayerConfig c) {
    return new MaxPooling1D(poolSizeOf(c, 1)[0]).configure(c);
  }
}
