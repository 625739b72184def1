package keras4j.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code sparse_categorical_accuracy}: how often {@code argmax(p) == y} for integer labels. */
public class SparseCategoricalAccuracy extends Metric {
  /** Keras's {@code SparseCategoricalAccuracy(name=...)}. */
  public SparseCategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> labels = yTrue;
    int rt = yTrue.shape().numDimensions();
    if (rt == yPred.shape().numDimensions()) {
      labels = tf.reshape(yTrue, tf.constant(new long[] {-1}));
    }
    Operand<TFloat32> pred = tf.dtypes.cast(tf.math.argMax(yPred, tf.constant(-1)), TFloat32.class);
    return tf.dtypes.cast(tf.math.equal(tf.reshape(pred, tf.constant(new long[] {-1})), labels), TFloat32.class);
  }
}
