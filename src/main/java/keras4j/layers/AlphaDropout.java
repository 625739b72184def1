package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code AlphaDropout(rate, noise_shape=None, seed=None)}: while training, sets dropped inputs to SELU's
 * negative saturation {@code -alpha * scale} and applies the affine map {@code a x + b} that keeps mean and variance.
 */
public class AlphaDropout extends BaseNoise<AlphaDropout> {
  private static final double ALPHA = 1.6732632423543772848170429916717;
  private static final double SCALE = 1.0507009873554804934193349852946;

  public AlphaDropout(double rate) {
    super("rate", rate);
  }

  public double rate() {
    return amount;
  }

  @Override
  protected Operand<TFloat32> noisy(Ops tf, Operand<TFloat32> x) {
    double alphaP = -ALPHA * SCALE;
    double a = Math.pow((1 - amount) * (1 + amount * alphaP * alphaP), -0.5);
    double b = -a * alphaP * amount;
    Operand<TFloat32> kept = tf.dtypes.cast(tf.math.greaterEqual(uniform(tf, tf.shape(x)), tf.constant((float) amount)),
        TFloat32.class);
    Operand<TFloat32> dropped = tf.math.sub(tf.constant(1f), kept);
    Operand<TFloat32> y = tf.math.add(tf.math.mul(x, kept), tf.math.mul(dropped, tf.constant((float) alphaP)));
    return tf.math.add(tf.math.mul(y, tf.constant((float) a)), tf.constant((float) b));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = config("rate");
    c.put("noise_shape", null);
    return c;
  }

  /** Keras's {@code AlphaDropout.from_config}. */
  public static AlphaDropout fromConfig(LayerConfig c) {
    c.requireNull("noise_shape");
    return new AlphaDropout(c.getDouble("rate", Double.NaN)).configure(c);
  }
}
