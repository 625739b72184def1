package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Add()}: the element-wise sum of its inputs. */
public class Add extends Merge<Add> {
  @Override
  protected Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.add(a, b);
  }

  /** Keras's {@code Add.from_config}. */
  public static Add fromConfig(LayerConfig c) {
    return new Add();
  }
}
