package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Rescaling(scale, offset=0.0)}: {@code x * scale + offset} (scalar scale and offset). */
public class Rescaling extends BaseLayer<Rescaling> {
  private final double scale;
  private final double offset;

  public Rescaling(double scale, double offset) {
    this.scale = scale;
    this.offset = offset;
  }

  public Rescaling(double scale) {
    this(scale, 0.0);
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return tf.math.add(tf.math.mul(x, tf.constant((float) scale)), tf.constant((float) offset));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("scale", scale);
    c.put("offset", offset);
    return c;
  }

  /** Keras's {@code Rescaling.from_config}; per-channel (list) scales are refused. */
  public static Rescaling fromConfig(LayerConfig c) {
    Object s = c.map().get("scale");
    Object o = c.map().get("offset");
    if (!(s instanceof Number) || (o != null && !(o instanceof Number))) {
      throw new IllegalArgumentException("Layer '" + c.layerName() + "' (Rescaling) uses scale=" + s + ", offset=" + o
          + "; keras4j supports scalar scale and offset only");
    }
    return new Rescaling(((Number) s).doubleValue(), o == null ? 0.0 : ((Number) o).doubleValue());
  }
}
