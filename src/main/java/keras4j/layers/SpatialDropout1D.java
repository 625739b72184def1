package keras4j.layers;

/** Keras's {@code SpatialDropout1D(rate, seed=None)}: drops whole channels of (batch, steps, channels) input while training. */
public class SpatialDropout1D extends BaseSpatialDropout<SpatialDropout1D> {
  public SpatialDropout1D(double rate) {
    super(1, rate);
  }

  /** Keras's {@code SpatialDropout1D.from_config}. */
  public static SpatialDropout1D fromConfig(LayerConfig c) {
    return new SpatialDropout1D(c.getDouble("rate", Double.NaN)).configure(c);
  }
}
