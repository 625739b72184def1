package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras 2's {@code ThresholdedReLU(theta=1.0)}: {@code x} where x &gt; theta, else 0. */
public class ThresholdedReLU extends BaseLayer<ThresholdedReLU> {
  private final double theta;

  /** Keras's {@code ThresholdedReLU()}: theta 1.0. */
  public ThresholdedReLU() {
    this(1.0);
  }

  /** Keras's {@code ThresholdedReLU(theta)}. */
  public ThresholdedReLU(double theta) {
    if (theta < 0) {
      throw new IllegalArgumentException("theta of a ThresholdedReLU layer cannot be negative. Received: " + theta);
    }
    this.theta = theta;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return tf.math.mul(x, tf.dtypes.cast(tf.math.greater(x, tf.constant((float) theta)), TFloat32.class));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("theta", theta);
    return c;
  }

  /** Keras 2's {@code ThresholdedReLU.from_config}. */
  public static ThresholdedReLU fromConfig(LayerConfig c) {
    return new ThresholdedReLU(c.getDouble("theta", 1.0));
  }
}
