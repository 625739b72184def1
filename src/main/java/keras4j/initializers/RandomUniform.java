package keras4j.initializers;

import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Keras's {@code RandomUniform} (-0.05 to 0.05 by default). */
public class RandomUniform extends Initializer {
  private final double minval;
  private final double maxval;
  private final Long seed;

  /** Keras's {@code RandomUniform()}: -0.05 to 0.05. */
  public RandomUniform() {
    this(-0.05, 0.05, null);
  }

  /** Keras's {@code RandomUniform(minval, maxval, seed)}. */
  public RandomUniform(double minval, double maxval, Long seed) {
    if (maxval < minval) {
      throw new IllegalArgumentException("RandomUniform expects minval <= maxval, received " + minval + " > " + maxval);
    }
    this.minval = minval;
    this.maxval = maxval;
    this.seed = seed;
  }

  @Override
  public float[] generate(long[] shape, RandomGenerator rng) {
    RandomGenerator r = seed != null ? new Random(seed) : rng;
    float[] out = new float[(int) count(shape)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (minval + r.nextDouble() * (maxval - minval));
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("minval", minval);
    c.put("maxval", maxval);
    c.put("seed", seed);
    return c;
  }
}
