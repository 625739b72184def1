package keras4j.initializers;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Keras's {@code Constant}; {@link Zeros} and {@link Ones} are its common cases. */
public class Constant extends Initializer {
  private final float value;

  /** Keras's {@code Constant(value)}. */
  public Constant(double value) {
    this.value = (float) value;
  }

  @Override
  public float[] generate(long[] shape, RandomGenerator rng) {
    float[] out = new float[(int) count(shape)];
    if (value != 0f) {
      Arrays.fill(out, value);
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    if (getClass().equals(Constant.class)) {
      c.put("value", (double) value);
    }
    return c;
  }
}
