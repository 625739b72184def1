package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Maximum()}: the element-wise maximum of its inputs. */
public class Maximum extends Merge<Maximum> {
  @Override
  protected Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.maximum(a, b);
  }

  /** Keras's {@code Maximum.from_config}. */
  public static Maximum fromConfig(LayerConfig c) {
    return new Maximum();
  }
}
