package keras4j.layers;

import java.util.Map;
import keras4j.backend.Context;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Dropout(rate)}: while training, zeroes a fraction {@code rate} of the inputs and scales the rest
 * by {@code 1 / (1 - rate)}; at inference it passes inputs through.
 */
public class Dropout extends BaseLayer<Dropout> {
  private final double rate;
  private Long seed;

  /** Keras's {@code Dropout(rate)}. */
  public Dropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate="
          + rate);
    }
    this.rate = rate;
  }

  /** Keras's {@code seed}. */
  public Dropout seed(long s) {
    this.seed = s;
    return this;
  }

  /** Keras's {@code layer.rate}. */
  public double rate() {
    return rate;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    if (!training || rate == 0) {
      return input;
    }
    Context ctx = Context.current();
    long s1 = seed != null ? seed : ctx.nextSeed();
    long s2 = ctx.nextSeed();
    Operand<TFloat32> u = tf.random.randomUniform(tf.shape(input), TFloat32.class,
        RandomUniform.seed(s1), RandomUniform.seed2(s2));
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant((float) rate)), TFloat32.class);
    return tf.math.mul(tf.math.mul(input, keep), tf.constant((float) (1.0 / (1.0 - rate))));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("noise_shape", null);
    c.put("seed", seed);
    return c;
  }

  /** Keras's {@code Dropout.from_config}. */
  public static Dropout fromConfig(LayerConfig c) {
    c.requireNull("noise_shape");
    Dropout d = new Dropout(c.getDouble("rate", 0.5));
    if (c.has("seed")) {
      d.seed(c.getInt("seed"));
    }
    return d;
  }
}
