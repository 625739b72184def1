package keras4j.constraints;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code keras.constraints.NonNeg()}: {@code maximum(w, 0)}. */
public class NonNeg implements Constraint {
  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> w) {
    return tf.math.maximum(w, tf.constant(0f));
  }

  @Override
  public String className() {
    return "NonNeg";
  }
}
