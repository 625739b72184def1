package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code ELU(alpha=1.0)}: {@code x} for x &gt; 0, else {@code alpha * (exp(x) - 1)}. */
public class ELU extends BaseLayer<ELU> {
  private final double alpha;

  /** Keras's {@code ELU()}: alpha 1.0. */
  public ELU() {
    this(1.0);
  }

  /** Keras's {@code ELU(alpha)}. */
  public ELU(double alpha) {
    this.alpha = alpha;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    Operand<TFloat32> e = tf.nn.elu(x);
    if (alpha == 1.0) {
      return e;
    }
    return tf.select(tf.math.greater(x, tf.constant(0f)), e, tf.math.mul(e, tf.constant((float) alpha)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", alpha);
    return c;
  }

  /** Keras's {@code ELU.from_config}. */
  public static ELU fromConfig(LayerConfig c) {
    return new ELU(c.getDouble("alpha", 1.0));
  }
}
