package keras4j.layers;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code UpSampling2D(size=(2, 2), interpolation='nearest')}: repeats rows and columns. */
public class UpSampling2D extends BaseLayer<UpSampling2D> {
  /** Keras's {@code interpolation} option. */
  public enum Interpolation {
    /** Keras's {@code interpolation='nearest'}. */
    NEAREST,
    /** Keras's {@code interpolation='bilinear'}. */
    BILINEAR
  }

  private final int[] size;
  private DataFormat dataFormat = DataFormat.CHANNELS_LAST;
  private Interpolation interpolation = Interpolation.NEAREST;

  /** Keras's {@code UpSampling2D(size=(h, w))}. */
  public UpSampling2D(int h, int w) {
    if (h <= 0 || w <= 0) {
      throw new IllegalArgumentException("The `size` argument must be a tuple of 2 positive integers. Received: ("
          + h + ", " + w + ")");
    }
    this.size = new int[] {h, w};
    inputSpec(InputSpec.ndim(4));
  }

  /** Keras's {@code UpSampling2D(size=n)}. */
  public UpSampling2D(int size) {
    this(size, size);
  }

  /** Keras's {@code UpSampling2D()}: size (2, 2). */
  public UpSampling2D() {
    this(2, 2);
  }

  /** Keras's {@code interpolation='nearest'|'bilinear'}. */
  public UpSampling2D interpolation(String s) {
    checkNotBuilt();
    switch (s) {
      case "nearest": interpolation = Interpolation.NEAREST; break;
      case "bilinear": interpolation = Interpolation.BILINEAR; break;
      default:
        throw new IllegalArgumentException("Unknown interpolation '" + s + "' for UpSampling2D: expected 'nearest' or 'bilinear'");
    }
    return this;
  }

  /** Keras's {@code data_format}. */
  public UpSampling2D dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return this;
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] hwc = dataFormat.spatial(inputShape);
    return dataFormat.shape(inputShape[0], hwc[0] < 0 ? -1 : hwc[0] * size[0], hwc[1] < 0 ? -1 : hwc[1] * size[1],
        hwc[2]);
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    Operand<TFloat32> x = dataFormat.toChannelsLast(tf, input);
    long[] s = x.shape().asArray();
    long h = s[1];
    long w = s[2];
    long c = s[3];
    Operand<TFloat32> y;
    if (interpolation == Interpolation.BILINEAR) {
      y = tf.image.resizeBilinear(x, tf.constant(new int[] {(int) h * size[0], (int) w * size[1]}),
          org.tensorflow.op.image.ResizeBilinear.halfPixelCenters(true));
    } else {
      y = keras4j.backend.RawOps.upsampleNearest(tf, x, size[0], size[1]);
    }
    return dataFormat.fromChannelsLast(tf, y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", List.of(size[0], size[1]));
    c.put("data_format", dataFormat.keras());
    c.put("interpolation", interpolation.name().toLowerCase());
    return c;
  }

  /** Keras's {@code UpSampling2D.from_config}. */
  public static UpSampling2D fromConfig(LayerConfig c) {
    int[] s = c.getPair("size", new int[] {2, 2});
    return new UpSampling2D(s[0], s[1]).interpolation(c.getString("interpolation", "nearest"))
        .dataFormat(c.getString("data_format", "channels_last"));
  }
}
