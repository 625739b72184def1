package keras4j.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code mse} metric. */
public class MeanSquaredError extends Metric {
  /** Keras's {@code MeanSquaredError(name=...)}. */
  public MeanSquaredError(String name) {
    super(name);
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return tf.math.mean(tf.math.squaredDifference(yPred, yTrue), tf.constant(-1));
  }
}
