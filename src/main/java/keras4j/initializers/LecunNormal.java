package keras4j.initializers;

/** Keras's {@code lecun_normal}. */
public class LecunNormal extends VarianceScaling {
  /** Keras's {@code LecunNormal()}. */
  public LecunNormal() {
    this(null);
  }

  /** Keras's {@code LecunNormal(seed=...)}; null for an unseeded one. */
  public LecunNormal(Long seed) {
    super(1.0, "fan_in", "truncated_normal", seed);
  }

  @Override
  public String className() {
    return "LecunNormal";
  }
}
