package keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Subtract()}: the difference of exactly two inputs, {@code inputs[0] - inputs[1]}. */
public class Subtract extends Merge<Subtract> {
  @Override
  protected Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.sub(a, b);
  }

  @Override
  protected void checkCount(java.util.List<long[]> shapes) {
    if (shapes.size() != 2) {
      throw new IllegalArgumentException("A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape="
          + formatShapes(shapes));
    }
  }

  /** Keras's {@code Subtract.from_config}. */
  public static Subtract fromConfig(LayerConfig c) {
    return new Subtract();
  }
}
