package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code AveragePooling1D(pool_size=2, strides=None, padding='valid', data_format='channels_last')}. */
public class AveragePooling1D extends BasePooling<AveragePooling1D> {
  public AveragePooling1D(int poolSize) {
    super(new int[] {poolSize});
  }

  /** Keras's default pool size 2. */
  public AveragePooling1D() {
    this(2);
  }

  @Override
  protected Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides) {
    return AveragePooling2D.pool2d(tf, x, ksize, strides, padding);
  }

  /** Keras's {@code AveragePooling1D.from_config}. */
  public static AveragePooling1D fromConfig(LayerConfig c) {
    return new AveragePooling1D(poolSizeOf(c, 1)[0]).configure(c);
  }
}
