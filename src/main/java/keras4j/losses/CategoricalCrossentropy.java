package keras4j.losses;

import java.util.Map;
import keras4j.backend.Backend;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code categorical_crossentropy} for one-hot targets: from the logits when the prediction comes straight
 * from a softmax, else {@code -sum(y * log(clip(p / sum(p))))}.
 */
public class CategoricalCrossentropy extends Loss {
  private final boolean fromLogits;

  /** Keras's {@code CategoricalCrossentropy()}: from probabilities. */
  public CategoricalCrossentropy() {
    this(false);
  }

  /** Keras's {@code CategoricalCrossentropy(from_logits=...)}. */
  public CategoricalCrossentropy(boolean fromLogits) {
    this.fromLogits = fromLogits;
  }

  @Override
  public String kerasName() {
    return "categorical_crossentropy";
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> logits = fromLogits ? yPred : logitsOf(yPred, "Softmax");
    if (logits != null) {
      return softmaxXent(tf, yTrue, logits);
    }
    float eps = Backend.epsilon();
    Operand<TFloat32> p = tf.math.div(yPred, tf.sum(yPred, tf.constant(-1), Sum.keepDims(true)));
    p = tf.clipByValue(p, tf.constant(eps), tf.constant(1f - eps));
    return tf.math.neg(tf.sum(tf.math.mul(yTrue, tf.math.log(p)), tf.constant(-1)));
  }

  /** Softmax cross-entropy over the last axis, for any rank. */
  static Operand<TFloat32> softmaxXent(Ops tf, Operand<TFloat32> labels, Operand<TFloat32> logits) {
    Operand<TFloat32> logSoftmax = tf.nn.logSoftmax(logits);
    return tf.math.neg(tf.sum(tf.math.mul(labels, logSoftmax), tf.constant(-1)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", 0.0);
    c.put("axis", -1);
    return c;
  }

}
