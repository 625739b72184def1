package keras4j.layers;

import keras4j.backend.RawOps;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid')}. */
public class MaxPooling2D extends BasePooling<MaxPooling2D> {
  /** Keras's {@code MaxPooling2D(pool_size=(h, w))}. */
  public MaxPooling2D(int poolHeight, int poolWidth) {
    super(poolHeight, poolWidth);
  }

  /** Keras's {@code MaxPooling2D(pool_size=n)}: an n x n window. */
  public MaxPooling2D(int poolSize) {
    this(poolSize, poolSize);
  }

  /** Keras's default pool size (2, 2). */
  public MaxPooling2D() {
    this(2, 2);
  }

  @Override
  protected Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides) {
    return pool2d(tf, x, ksize, strides, padding);
  }

  static Operand<TFloat32> pool2d(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides, Padding padding) {
    return RawOps.maxPool(tf, x, ksize, strides, padding.tf());
  }

  /** Keras's {@code MaxPooling2D.from_config}. */
  public static MaxPooling2D fromConfig(LayerConfig c) {
    int[] p = poolSizeOf(c, 2);
    return new MaxPooling2D(p[0], p[1]).configure(c);
  }
}
