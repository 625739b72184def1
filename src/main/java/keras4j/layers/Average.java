package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Average()}: the element-wise mean of its inputs. */
public class Average extends Merge<Average> {
  @Override
  protected Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.add(a, b);
  }

  @Override
  protected Operand<TFloat32> finish(Ops tf, Operand<TFloat32> y, int count) {
    return tf.math.div(y, tf.constant((float) count));
  }

  /** Keras's {@code Average.from_config}. */
  public static Average fromConfig(LayerConfig c) {
    return new Average();
  }
}
