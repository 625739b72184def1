package keras4j.initializers;

/** Keras's {@code he_normal}. */
public class HeNormal extends VarianceScaling {
  /** Keras's {@code HeNormal()}. */
  public HeNormal() {
    this(null);
  }

  /** Keras's {@code HeNormal(seed=...)}; null for an unseeded one. */
  public HeNormal(Long seed) {
    super(2.0, "fan_in", "truncated_normal", seed);
  }

  @Override
  public String className() {
    return "HeNormal";
  }
}
