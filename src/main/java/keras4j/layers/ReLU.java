package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code ReLU(max_value=None, negative_slope=0, threshold=0)}: {@code min(x, max_value)} above the
 * threshold, {@code negative_slope * (x - threshold)} below it.
 */
public class ReLU extends BaseLayer<ReLU> {
  private Double maxValue;
  private double negativeSlope;
  private double threshold;

  /** Keras's {@code ReLU()}: max(x, 0). */
  public ReLU() {}

  /** Keras's {@code max_value}; null for none. */
  public ReLU maxValue(Double m) {
    if (m != null && m < 0) {
      throw new IllegalArgumentException("max_value of a ReLU layer cannot be negative. Received: " + m);
    }
    this.maxValue = m;
    return this;
  }

  /** Keras's {@code negative_slope}. */
  public ReLU negativeSlope(double s) {
    if (s < 0) {
      throw new IllegalArgumentException("negative_slope of a ReLU layer cannot be negative. Received: " + s);
    }
    this.negativeSlope = s;
    return this;
  }

  /** Keras's {@code threshold}. */
  public ReLU threshold(double t) {
    this.threshold = t;
    return this;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return relu(tf, x, negativeSlope, maxValue, threshold);
  }

  /** Keras's {@code backend.relu(x, alpha, max_value, threshold)}. */
  static Operand<TFloat32> relu(Ops tf, Operand<TFloat32> x, double slope, Double maxValue, double threshold) {
    Operand<TFloat32> negativePart = null;
    if (slope != 0) {
      if (maxValue == null && threshold == 0) {
        return tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha((float) slope));
      }
      negativePart = threshold != 0
          ? tf.nn.relu(tf.math.add(tf.math.neg(x), tf.constant((float) threshold)))
          : tf.nn.relu(tf.math.neg(x));
    }
    boolean clip = maxValue != null;
    Operand<TFloat32> y;
    if (threshold != 0) {
      y = tf.math.mul(x, tf.dtypes.cast(tf.math.greater(x, tf.constant((float) threshold)), TFloat32.class));
    } else if (maxValue != null && maxValue == 6.0) {
      y = tf.nn.relu6(x);
      clip = false;
    } else {
      y = tf.nn.relu(x);
    }
    if (clip) {
      y = tf.clipByValue(y, tf.constant(0f), tf.constant(maxValue.floatValue()));
    }
    if (negativePart != null) {
      y = tf.math.sub(y, tf.math.mul(tf.constant((float) slope), negativePart));
    }
    return y;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("max_value", maxValue);
    c.put("negative_slope", negativeSlope);
    c.put("threshold", threshold);
    return c;
  }

  /** Keras's {@code ReLU.from_config}. */
  public static ReLU fromConfig(LayerConfig c) {
    return new ReLU().maxValue(c.getDoubleOrNull("max_value")).negativeSlope(c.getDouble("negative_slope", 0))
        .threshold(c.getDouble("threshold", 0));
  }
}
