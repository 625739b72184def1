package keras4j.layers;

/** Keras's {@code Cropping1D(cropping=(1, 1))}: removes steps at the start and end of the sequence axis. */
public class Cropping1D extends BaseCropping<Cropping1D> {
  public Cropping1D(int start, int end) {
    super(new int[][] {{start, end}});
  }

  public Cropping1D(int both) {
    this(both, both);
  }

  /** Keras's default {@code (1, 1)}. */
  public Cropping1D() {
    this(1, 1);
  }

  @Override
  protected boolean crops() {
    return true;
  }

  @Override
  protected String key() {
    return "cropping";
  }

  @Override
  protected boolean hasDataFormat() {
    return false;
  }

  /** Keras's {@code Cropping1D.from_config}. */
  public static Cropping1D fromConfig(LayerConfig c) {
    int[] a = amountsOf(c, "cropping", 1, 1)[0];
    return new Cropping1D(a[0], a[1]);
  }
}
