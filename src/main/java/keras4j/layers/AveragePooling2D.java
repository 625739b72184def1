package keras4j.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code AveragePooling2D(pool_size=(2, 2), strides=None, padding='valid')}. */
public class AveragePooling2D extends BasePooling<AveragePooling2D> {
  /** Keras's {@code AveragePooling2D(pool_size=(h, w))}. */
  public AveragePooling2D(int poolHeight, int poolWidth) {
    super(poolHeight, poolWidth);
  }

  /** Keras's {@code AveragePooling2D(pool_size=n)}: an n x n window. */
  public AveragePooling2D(int poolSize) {
    this(poolSize, poolSize);
  }

  @Override
  protected Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides) {
    return pool2d(tf, x, ksize, strides, padding);
  }

  static Operand<TFloat32> pool2d(Ops tf, Operand<TFloat32> x, long[] ksize, long[] strides, Padding padding) {
    return tf.nn.avgPool(x, List.of(ksize[0], ksize[1], ksize[2], ksize[3]),
        List.of(strides[0], strides[1], strides[2], strides[3]), padding.tf());
  }

  /** Keras's {@code AveragePooling2D.from_config}. */
  public static AveragePooling2D fromConfig(LayerConfig c) {
    int[] p = poolSizeOf(c, 2);
    return new AveragePooling2D(p[0], p[1]).configure(c);
  }
}
