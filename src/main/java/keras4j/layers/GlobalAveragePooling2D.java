package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Keras's {@code GlobalAveragePooling2D(data_format='channels_last', keepdims=False)}. */
public class GlobalAveragePooling2D extends BaseGlobalPooling<GlobalAveragePooling2D> {
  public GlobalAveragePooling2D() {
    super(2);
  }

  @Override
  protected Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> x, Operand<TInt32> axes) {
    return tf.math.mean(x, axes);
  }

  /** Keras's {@code GlobalAveragePooling2D.from_config} (also {@code GlobalAvgPool2D}). */
  public static GlobalAveragePooling2D fromConfig(LayerConfig c) {
    return new GlobalAveragePooling2D().configure(c);
  }
}
