package keras4j.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code categorical_accuracy}: how often {@code argmax(p) == argmax(y)}. */
public class CategoricalAccuracy extends Metric {
  /** Keras's {@code CategoricalAccuracy(name=...)}. */
  public CategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return tf.dtypes.cast(tf.math.equal(tf.math.argMax(yTrue, tf.constant(-1)), tf.math.argMax(yPred, tf.constant(-1))),
        TFloat32.class);
  }
}
