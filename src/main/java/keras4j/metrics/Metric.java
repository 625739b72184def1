package keras4j.metrics;

import keras4j.losses.Loss;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A Keras mean metric ({@code MeanMetricWrapper}): per-sample values averaged over every sample of an epoch. The
 * graph computes a batch's mean; the host weighs batches by their size, as Keras does.
 */
public abstract class Metric {
  private final String name;

  /** A metric named as in the logs and history ({@code metric.name}). */
  protected Metric(String name) {
    this.name = name;
  }

  /** The name used in logs and {@code History} ("accuracy", "mse"). */
  public String name() {
    return name;
  }

  /** Per-sample values. */
  protected abstract Operand<TFloat32> values(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);

  /** The batch mean. */
  public Operand<TFloat32> batchMean(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> v = values(tf, yTrue, yPred);
    return tf.math.mean(v, tf.range(tf.constant(0), tf.rank(v), tf.constant(1)));
  }

  /**
   * The batch mean over the entries Keras's mask of {@code yPred} keeps (null: all), as Keras's
   * {@code MeanMetricWrapper} weighs them.
   */
  public Operand<TFloat32> batchMean(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred, Operand<TBool> mask) {
    if (mask == null) {
      return batchMean(tf, yTrue, yPred);
    }
    Operand<TFloat32> v = values(tf, yTrue, yPred);
    return tf.math.mean(tf.math.mul(v, Loss.maskWeights(tf, mask, v)),
        tf.range(tf.constant(0), tf.rank(v), tf.constant(1)));
  }
}
