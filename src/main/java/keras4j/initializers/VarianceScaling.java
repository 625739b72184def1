package keras4j.initializers;

import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Keras's {@code VarianceScaling}: the family of Glorot, He and LeCun initializers. */
public class VarianceScaling extends Initializer {
  /** How the scale is divided: by fan-in, fan-out or their average. */
  public enum Mode {
    /** Keras's {@code mode='fan_in'}. */
    FAN_IN,
    /** Keras's {@code mode='fan_out'}. */
    FAN_OUT,
    /** Keras's {@code mode='fan_avg'}. */
    FAN_AVG
  }

  /** Sampling distribution. */
  public enum Distribution {
    /** Keras's {@code distribution='truncated_normal'}. */
    TRUNCATED_NORMAL,
    /** Keras's {@code distribution='untruncated_normal'}. */
    UNTRUNCATED_NORMAL,
    /** Keras's {@code distribution='uniform'}. */
    UNIFORM
  }

  private static final double TRUNC_STD = 0.87962566103423978;

  private final double scale;
  private final Mode mode;
  private final Distribution distribution;
  private final Long seed;

  /** Keras's {@code VarianceScaling(scale, mode, distribution, seed)} with Keras's option strings. */
  public VarianceScaling(double scale, String mode, String distribution, Long seed) {
    if (scale <= 0) {
      throw new IllegalArgumentException("VarianceScaling scale must be positive, received " + scale);
    }
    this.scale = scale;
    this.mode = parseMode(mode);
    this.distribution = parseDistribution(distribution);
    this.seed = seed;
  }

  private static Mode parseMode(String m) {
    switch (m) {
      case "fan_in": return Mode.FAN_IN;
      case "fan_out": return Mode.FAN_OUT;
      case "fan_avg": return Mode.FAN_AVG;
      default:
        throw new IllegalArgumentException("Unknown VarianceScaling mode '" + m + "': expected fan_in, fan_out or fan_avg");
    }
  }

  private static Distribution parseDistribution(String d) {
    switch (d) {
      case "normal":
      case "truncated_normal": return Distribution.TRUNCATED_NORMAL;
      case "untruncated_normal": return Distribution.UNTRUNCATED_NORMAL;
      case "uniform": return Distribution.UNIFORM;
      default:
        throw new IllegalArgumentException("Unknown VarianceScaling distribution '" + d
            + "': expected truncated_normal, untruncated_normal or uniform");
    }
  }

  @Override
  public float[] generate(long[] shape, RandomGenerator rng) {
    RandomGenerator r = seed != null ? new Random(seed) : rng;
    double[] fans = fans(shape);
    double n = mode == Mode.FAN_IN ? fans[0] : mode == Mode.FAN_OUT ? fans[1] : (fans[0] + fans[1]) / 2;
    double s = scale / Math.max(1.0, n);
    float[] out = new float[(int) count(shape)];
    switch (distribution) {
      case UNIFORM: {
        double limit = Math.sqrt(3.0 * s);
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
        }
        break;
      }
      case UNTRUNCATED_NORMAL: {
        double std = Math.sqrt(s);
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) (r.nextGaussian() * std);
        }
        break;
      }
      default: {
        double std = Math.sqrt(s) / TRUNC_STD;
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) (TruncatedNormal.sample(r) * std);
        }
      }
    }
    return out;
  }

  @Override
  public String className() {
    return "VarianceScaling";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    if (!getClass().equals(VarianceScaling.class)) {
      c.put("seed", seed);
      return c;
    }
    c.put("scale", scale);
    c.put("mode", mode.name().toLowerCase());
    c.put("distribution", distribution.name().toLowerCase());
    c.put("seed", seed);
    return c;
  }
}
