package keras4j.initializers;

/** Keras's {@code glorot_normal}. */
public class GlorotNormal extends VarianceScaling {
  /** Keras's {@code GlorotNormal()}. */
  public GlorotNormal() {
    this(null);
  }

  /** Keras's {@code GlorotNormal(seed=...)}; null for an unseeded one. */
  public GlorotNormal(Long seed) {
    super(1.0, "fan_avg", "truncated_normal", seed);
  }

  @Override
  public String className() {
    return "GlorotNormal";
  }
}
