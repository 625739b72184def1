package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Keras's {@code GlobalAveragePooling1D(data_format='channels_last', keepdims=False)}. */
public class GlobalAveragePooling1D extends BaseGlobalPooling<GlobalAveragePooling1D> {
  public GlobalAveragePooling1D() {
    super(1);
  }

  @Override
  protected Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> x, Operand<TInt32> axes) {
    return tf.math.mean(x, axes);
  }

  /** Keras's {@code GlobalAveragePooling1D.from_config} (also {@code GlobalAvgPool1D}). */
  public static GlobalAveragePooling1D fromConfig(LayerConfig c) {
    return new GlobalAveragePooling1D().configure(c);
  }
}
