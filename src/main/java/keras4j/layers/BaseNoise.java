package keras4j.layers;

import java.util.Map;
import keras4j.backend.Context;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The shared part of Keras's noise and dropout layers ({@code GaussianNoise}, {@code GaussianDropout},
 * {@code AlphaDropout}, {@code SpatialDropout1D/2D}): an amount in [0, 1], an optional {@code seed}, and noise drawn
 * only while training; at inference the layer passes its input through.
 */
public abstract class BaseNoise<T extends BaseNoise<T>> extends BaseLayer<T> {
  protected final double amount;
  protected Long seed;

  /** {@code key} is Keras's argument name ("rate" or "stddev"), used in the error message. */
  protected BaseNoise(String key, double amount) {
    if (!(amount >= 0 && amount <= 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `" + key
          + "`. Expected a float value between 0 and 1. Received: " + key + "=" + amount);
    }
    this.amount = amount;
  }

  /** Keras's {@code seed=}. */
  @SuppressWarnings("unchecked")
  public T seed(long s) {
    checkNotBuilt();
    this.seed = s;
    return (T) this;
  }

  /** The noise applied while training (amount > 0). */
  protected abstract Operand<TFloat32> noisy(Ops tf, Operand<TFloat32> x);

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    if (!training || amount == 0) {
      return input;
    }
    return noisy(tf, input);
  }

  private long[] seeds() {
    Context ctx = Context.current();
    long s1 = seed != null ? seed : ctx.nextSeed();
    return new long[] {s1, ctx.nextSeed()};
  }

  /** Uniform [0, 1) noise of this shape. */
  protected Operand<TFloat32> uniform(Ops tf, Operand<TInt32> shape) {
    long[] s = seeds();
    return tf.random.randomUniform(shape, TFloat32.class, RandomUniform.seed(s[0]), RandomUniform.seed2(s[1]));
  }

  /** Standard normal noise of this shape. */
  protected Operand<TFloat32> normal(Ops tf, Operand<TInt32> shape) {
    long[] s = seeds();
    return tf.random.randomStandardNormal(shape, TFloat32.class, RandomStandardNormal.seed(s[0]),
        RandomStandardNormal.seed2(s[1]));
  }

  /** Keras's dropout: zeroes where uniform noise of {@code noiseShape} is below the rate, scales the rest by 1 / (1 - rate). */
  protected Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, Operand<TInt32> noiseShape) {
    if (amount >= 1) {
      return tf.zerosLike(x);
    }
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(uniform(tf, noiseShape), tf.constant((float) amount)),
        TFloat32.class);
    return tf.math.mul(x, tf.math.mul(keep, tf.constant((float) (1.0 / (1.0 - amount)))));
  }

  /** The config with Keras's key for the amount and the seed. */
  protected Map<String, Object> config(String key) {
    Map<String, Object> c = super.getConfig();
    c.put(key, amount);
    c.put("seed", seed);
    return c;
  }

  /** The seed of a config, if any. */
  protected T configure(LayerConfig c) {
    @SuppressWarnings("unchecked")
    T self = (T) this;
    return c.has("seed") ? seed(c.getInt("seed")) : self;
  }
}
