package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Minimum()}: the element-wise minimum of its inputs. */
public class Minimum extends Merge<Minimum> {
  @Override
  protected Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.minimum(a, b);
  }

  /** Keras's {@code Minimum.from_config}. */
  public static Minimum fromConfig(LayerConfig c) {
    return new Minimum();
  }
}
