package keras4j.initializers;

import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Keras's {@code RandomNormal} (mean 0, stddev 0.05 by default). */
public class RandomNormal extends Initializer {
  private final double mean;
  private final double stddev;
  private final Long seed;

  /** Keras's {@code RandomNormal()}: mean 0, stddev 0.05. */
  public RandomNormal() {
    this(0.0, 0.05, null);
  }

  /** Keras's {@code RandomNormal(mean, stddev, seed)}. */
  public RandomNormal(double mean, double stddev, Long seed) {
    this.mean = mean;
    this.stddev = stddev;
    this.seed = seed;
  }

  @Override
  public float[] generate(long[] shape, RandomGenerator rng) {
    RandomGenerator r = seed != null ? new Random(seed) : rng;
    float[] out = new float[(int) count(shape)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (mean + r.nextGaussian() * stddev);
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mean", mean);
    c.put("stddev", stddev);
    c.put("seed", seed);
    return c;
  }
}
