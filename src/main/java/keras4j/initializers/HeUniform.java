package keras4j.initializers;

/** Keras's {@code he_uniform}. */
public class HeUniform extends VarianceScaling {
  /** Keras's {@code HeUniform()}. */
  public HeUniform() {
    this(null);
  }

  /** Keras's {@code HeUniform(seed=...)}; null for an unseeded one. */
  public HeUniform(Long seed) {
    super(2.0, "fan_in", "uniform", seed);
  }

  @Override
  public String className() {
    return "HeUniform";
  }
}
