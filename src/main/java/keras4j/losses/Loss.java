package keras4j.losses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.losses.Loss} with the default reduction {@code sum_over_batch_size}: the per-sample losses
 * (means over the last axis) are summed and divided by their number.
 */
public abstract class Loss {
  /** The Keras function name written to configs ("binary_crossentropy"). */
  public abstract String kerasName();

  /** Per-sample losses: one value per element of {@code yPred} without its last axis. */
  public abstract Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);

  /** The scalar loss of a batch. */
  public Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> perSample = call(tf, matchRank(tf, yTrue, yPred), yPred);
    return tf.math.mean(perSample, allAxes(tf, perSample));
  }

  /** The scalar loss of a batch with the seeds of its gradient, as the training step differentiates it. */
  public Objective objective(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return Objective.of(tf, reduce(tf, yTrue, yPred));
  }

  /**
   * The scalar loss of a batch whose predictions carry Keras's mask (null: none), as Keras 3's {@code Loss.__call__}
   * applies it: masked entries weigh 0 and the mean is taken over the unmasked ones.
   */
  public Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred, Operand<TBool> mask) {
    if (mask == null) {
      return reduce(tf, yTrue, yPred);
    }
    Operand<TFloat32> perSample = call(tf, matchRank(tf, yTrue, yPred), yPred);
    return tf.math.mean(tf.math.mul(perSample, maskWeights(tf, mask, perSample)), allAxes(tf, perSample));
  }

  /** {@link #objective(Ops, Operand, Operand)} of predictions that carry Keras's mask (null: none). */
  public Objective objective(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred, Operand<TBool> mask) {
    return mask == null ? objective(tf, yTrue, yPred) : Objective.of(tf, reduce(tf, yTrue, yPred, mask));
  }

  /**
   * Keras's {@code apply_mask} for the {@code sum_over_batch_size} reduction: {@code total / valid} where the mask is
   * true, 0 elsewhere, with the mask's rank matched to {@code values} (one trailing axis added or dropped).
   */
  public static Operand<TFloat32> maskWeights(Ops tf, Operand<TBool> mask, Operand<TFloat32> values) {
    Operand<TFloat32> m = tf.dtypes.cast(mask, TFloat32.class);
    Operand<TFloat32> total = tf.dtypes.cast(tf.size(m), TFloat32.class);
    Operand<TFloat32> valid = tf.sum(m, allAxes(tf, m));
    m = tf.math.mul(m, tf.math.divNoNan(total, valid));
    int rm = m.shape().numDimensions();
    int rv = values.shape().numDimensions();
    if (rm >= 0 && rv >= 0 && rm == rv - 1) {
      return tf.expandDims(m, tf.constant(-1));
    }
    if (rm >= 0 && rv >= 0 && rm == rv + 1) {
      return tf.squeeze(m, org.tensorflow.op.core.Squeeze.axis(List.of(-1L)));
    }
    return m;
  }

  /** The Keras class name ("BinaryCrossentropy"). */
  public String className() {
    return getClass().getSimpleName();
  }

  /** Keras's {@code loss.get_config()}: the constructor arguments as saved in model files. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", kerasName());
    c.put("reduction", "sum_over_batch_size");
    return c;
  }

  static Operand<TFloat32> matchRank(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    int rt = yTrue.shape().numDimensions();
    int rp = yPred.shape().numDimensions();
    if (rt >= 0 && rp >= 0 && rt == rp - 1) {
      return tf.expandDims(yTrue, tf.constant(-1));
    }
    return yTrue;
  }

  static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }

  static Operand<TFloat32> meanLastAxis(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, tf.constant(-1));
  }

  /**
   * The logits behind {@code yPred} when it is computed directly by an op of this type ("Sigmoid", "Softmax"), as
   * Keras detects them; otherwise null.
   */
  static Operand<TFloat32> logitsOf(Operand<TFloat32> yPred, String opType) {
    Operation op = yPred.op();
    if (op instanceof GraphOperation g && g.type().equals(opType) && g.numInputs() == 1) {
      @SuppressWarnings("unchecked")
      Output<TFloat32> in = (Output<TFloat32>) g.input(0);
      return in;
    }
    return null;
  }
}
