package keras4j.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code binary_accuracy}: how often {@code (p > 0.5) == y}. */
public class BinaryAccuracy extends Metric {
  /** Keras's {@code BinaryAccuracy(name=...)}, threshold 0.5. */
  public BinaryAccuracy(String name) {
    super(name);
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> pred = tf.dtypes.cast(tf.math.greater(yPred, tf.constant(0.5f)), TFloat32.class);
    return tf.math.mean(tf.dtypes.cast(tf.math.equal(pred, yTrue), TFloat32.class), tf.constant(-1));
  }
}
