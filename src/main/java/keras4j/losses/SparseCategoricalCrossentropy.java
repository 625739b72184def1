package keras4j.losses;

import java.util.Map;
import keras4j.backend.Backend;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code sparse_categorical_crossentropy}: integer class targets. Equal to the categorical loss of the
 * one-hot targets; without logits, Keras's {@code log(clip(p))} is used as logits.
 */
public class SparseCategoricalCrossentropy extends Loss {
  private final boolean fromLogits;

  /** Keras's {@code SparseCategoricalCrossentropy()}: from probabilities. */
  public SparseCategoricalCrossentropy() {
    this(false);
  }

  /** Keras's {@code SparseCategoricalCrossentropy(from_logits=...)}. */
  public SparseCategoricalCrossentropy(boolean fromLogits) {
    this.fromLogits = fromLogits;
  }

  @Override
  public String kerasName() {
    return "sparse_categorical_crossentropy";
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> logits = fromLogits ? yPred : logitsOf(yPred, "Softmax");
    if (logits == null) {
      float eps = Backend.epsilon();
      logits = tf.math.log(tf.clipByValue(yPred, tf.constant(eps), tf.constant(1f - eps)));
    }
    long classes = yPred.shape().get(yPred.shape().numDimensions() - 1);
    Operand<TFloat32> labels = yTrue;
    int rt = yTrue.shape().numDimensions();
    int rp = yPred.shape().numDimensions();
    if (rt == rp && yTrue.shape().get(rt - 1) == 1) {
      labels = tf.squeeze(labels, org.tensorflow.op.core.Squeeze.axis(java.util.List.of((long) rt - 1)));
    }
    Operand<TInt32> ids = tf.dtypes.cast(labels, TInt32.class);
    Operand<TFloat32> oneHot = tf.oneHot(ids, tf.constant((int) classes), tf.constant(1f), tf.constant(0f));
    return CategoricalCrossentropy.softmaxXent(tf, oneHot, logits);
  }


  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("ignore_class", null);
    return c;
  }
}
