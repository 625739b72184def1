package keras4j.layers;

import java.util.Map;

/** Keras's {@code SpatialDropout2D(rate, data_format=None, seed=None)}: drops whole feature maps while training. */
public class SpatialDropout2D extends BaseSpatialDropout<SpatialDropout2D> {
  public SpatialDropout2D(double rate) {
    super(2, rate);
  }

  /** Keras's {@code data_format}. */
  public SpatialDropout2D dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", dataFormat.keras());
    return c;
  }

  /** Keras's {@code SpatialDropout2D.from_config}. */
  public static SpatialDropout2D fromConfig(LayerConfig c) {
    return new SpatialDropout2D(c.getDouble("rate", Double.NaN)).dataFormat(c.getString("data_format", "channels_last"))
        .configure(c);
  }
}
