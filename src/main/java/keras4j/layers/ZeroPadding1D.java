package keras4j.layers;

/** Keras's {@code ZeroPadding1D(padding=1, data_format=None)}: zeros added at the start and end of the steps axis. */
public class ZeroPadding1D extends BaseCropping<ZeroPadding1D> {
  public ZeroPadding1D(int start, int end) {
    super(new int[][] {{start, end}});
  }

  public ZeroPadding1D(int both) {
    this(both, both);
  }

  /** Keras's default padding 1. */
  public ZeroPadding1D() {
    this(1, 1);
  }

  /** Keras's {@code data_format}. */
  public ZeroPadding1D dataFormat(String f) {
    return dataFormatOf(f);
  }

  @Override
  protected boolean crops() {
    return false;
  }

  @Override
  protected String key() {
    return "padding";
  }

  /** Keras's {@code ZeroPadding1D.from_config}. */
  public static ZeroPadding1D fromConfig(LayerConfig c) {
    int[] a = amountsOf(c, "padding", 1, 1)[0];
    return new ZeroPadding1D(a[0], a[1]).dataFormat(c.getString("data_format", "channels_last"));
  }
}
