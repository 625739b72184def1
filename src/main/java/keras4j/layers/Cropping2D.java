package keras4j.layers;

/** Keras's {@code Cropping2D(cropping, data_format=None)}: removes rows and columns at the edges. */
public class Cropping2D extends BaseCropping<Cropping2D> {
  /** ((top, bottom), (left, right)). */
  public Cropping2D(int top, int bottom, int left, int right) {
    super(new int[][] {{top, bottom}, {left, right}});
  }

  /** Symmetric: (height, width). */
  public Cropping2D(int height, int width) {
    this(height, height, width, width);
  }

  public Cropping2D(int all) {
    this(all, all);
  }

  /** Keras's default. */
  public Cropping2D() {
    this(0);
  }

  /** Keras's {@code data_format}. */
  public Cropping2D dataFormat(String f) {
    return dataFormatOf(f);
  }

  @Override
  protected boolean crops() {
    return true;
  }

  @Override
  protected String key() {
    return "cropping";
  }

  /** Keras's {@code Cropping2D.from_config}. */
  public static Cropping2D fromConfig(LayerConfig c) {
    int[][] a = amountsOf(c, "cropping", 2, 0);
    return new Cropping2D(a[0][0], a[0][1], a[1][0], a[1][1]).dataFormat(c.getString("data_format", "channels_last"));
  }
}
