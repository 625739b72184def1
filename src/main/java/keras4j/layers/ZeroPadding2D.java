package keras4j.layers;

/** Keras's {@code ZeroPadding2D(padding, data_format=None)}: adds rows and columns of zeros at the edges. */
public class ZeroPadding2D extends BaseCropping<ZeroPadding2D> {
  /** ((top, bottom), (left, right)). */
  public ZeroPadding2D(int top, int bottom, int left, int right) {
    super(new int[][] {{top, bottom}, {left, right}});
  }

  /** Symmetric: (height, width). */
  public ZeroPadding2D(int height, int width) {
    this(height, height, width, width);
  }

  public ZeroPadding2D(int all) {
    this(all, all);
  }

  /** Keras's default. */
  public ZeroPadding2D() {
    this(1);
  }

  /** Keras's {@code data_format}. */
  public ZeroPadding2D dataFormat(String f) {
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

  /** Keras's {@code ZeroPadding2D.from_config}. */
  public static ZeroPadding2D fromConfig(LayerConfig c) {
    int[][] a = amountsOf(c, "padding", 2, 1);
    return new ZeroPadding2D(a[0][0], a[0][1], a[1][0], a[1][1]).dataFormat(c.getString("data_format", "channels_last"));
  }
}
