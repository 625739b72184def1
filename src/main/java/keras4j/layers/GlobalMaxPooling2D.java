package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Keras's {@code GlobalMaxPooling2D(data_format='channels_last', keepdims=False)}. */
public class GlobalMaxPooling2D extends BaseGlobalPooling<GlobalMaxPooling2D> {
  public GlobalMaxPooling2D() {
    super(2);
  }

  @Override
  protected Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> x, Operand<TInt32> axes) {
    return tf.max(x, axes);
  }

  /** Keras's {@code GlobalMaxPooling2D.from_config} (also {@code GlobalMaxPool2D}). */
  public static GlobalMaxPooling2D fromConfig(LayerConfig c) {
    return new GlobalMaxPooling2D().configure(c);
  }
}
