package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GaussianDropout(rate, seed=None)}: while training, multiplies by normal noise of mean 1 and
 * standard deviation {@code sqrt(rate / (1 - rate))}.
 */
public class GaussianDropout extends BaseNoise<GaussianDropout> {
  public GaussianDropout(double rate) {
    super("rate", rate);
  }

  public double rate() {
    return amount;
  }

  @Override
  protected Operand<TFloat32> noisy(Ops tf, Operand<TFloat32> x) {
    float stddev = (float) Math.sqrt(amount / (1.0 - amount));
    Operand<TFloat32> noise = tf.math.add(tf.math.mul(normal(tf, tf.shape(x)), tf.constant(stddev)), tf.constant(1f));
    return tf.math.mul(x, noise);
  }

  @Override
  public Map<String, Object> getConfig() {
    return config("rate");
  }

  /** Keras's {@code GaussianDropout.from_config}. */
  public static GaussianDropout fromConfig(LayerConfig c) {
    return new GaussianDropout(c.getDouble("rate", Double.NaN)).configure(c);
  }
}
