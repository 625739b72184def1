package keras4j.initializers;

/** Keras's {@code glorot_uniform}, the default kernel initializer. */
public class GlorotUniform extends VarianceScaling {
  /** Keras's {@code GlorotUniform()}. */
  public GlorotUniform() {
    this(null);
  }

  /** Keras's {@code GlorotUniform(seed=...)}; null for an unseeded one. */
  public GlorotUniform(Long seed) {
    super(1.0, "fan_avg", "uniform", seed);
  }

  @Override
  public String className() {
    return "GlorotUniform";
  }
}
