package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Identity()}: returns its input unchanged. */
public class Identity extends BaseLayer<Identity> {
  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return tf.identity(x);
  }

  /** Keras's {@code Identity.from_config}. */
  public static Identity fromConfig(LayerConfig c) {
    return new Identity();
  }
}
