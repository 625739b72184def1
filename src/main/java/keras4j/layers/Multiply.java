package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Multiply()}: the element-wise product of its inputs. */
public class Multiply extends Merge<Multiply> {
  @Override
  protected Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.mul(a, b);
  }

  /** Keras's {@code Multiply.from_config}. */
  public static Multiply fromConfig(LayerConfig c) {
    return new Multiply();
  }
}
