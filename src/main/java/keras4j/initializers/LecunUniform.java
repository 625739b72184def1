package keras4j.initializers;

/** Keras's {@code lecun_uniform}. */
public class LecunUniform extends VarianceScaling {
  /** Keras's {@code LecunUniform()}. */
  public LecunUniform() {
    this(null);
  }

  /** Keras's {@code LecunUniform(seed=...)}; null for an unseeded one. */
  public LecunUniform(Long seed) {
    super(1.0, "fan_in", "uniform", seed);
  }

  @Override
  public String className() {
    return "LecunUniform";
  }
}
