package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code LeakyReLU(negative_slope=0.3)} (Keras 2 calls the argument {@code alpha}). */
public class LeakyReLU extends BaseLayer<LeakyReLU> {
  private final double negativeSlope;

  /** Keras's {@code LeakyReLU()}: Keras 3's negative slope 0.3. */
  public LeakyReLU() {
    this(0.3);
  }

  /** Keras's {@code LeakyReLU(negative_slope)}. */
  public LeakyReLU(double negativeSlope) {
    if (negativeSlope < 0) {
      throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be negative. Received: "
          + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha((float) negativeSlope));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", negativeSlope);
    return c;
  }

  /** Keras's {@code LeakyReLU.from_config}: {@code negative_slope} (Keras 3) or {@code alpha} (Keras 2). */
  public static LeakyReLU fromConfig(LayerConfig c) {
    return new LeakyReLU(c.has("negative_slope") ? c.getDouble("negative_slope", 0.3) : c.getDouble("alpha", 0.3));
  }
}
