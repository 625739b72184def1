package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Keras's {@code GlobalMaxPooling1D(data_format='channels_last', keepdims=False)}. */
public class GlobalMaxPooling1D extends BaseGlobalPooling<GlobalMaxPooling1D> {
  public GlobalMaxPooling1D() {
    super(1);
  }

  @Override
  protected Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> x, Operand<TInt32> axes) {
    return tf.max(x, axes);
  }

  /** Keras's {@code GlobalMaxPooling1D.from_config} (also {@code GlobalMaxPool1D}). */
  public static GlobalMaxPooling1D fromConfig(LayerConfig c) {
    return new GlobalMaxPooling1D().configure(c);
  }
}
