package keras4j.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A custom loss as Keras takes it: a function of {@code (y_true, y_pred)} returning per-sample values (or a
 * scalar), built from TensorFlow ops. {@code model.compile("adam", (tf, yTrue, yPred) -> ...)}.
 */
@FunctionalInterface
public interface LossFunction {
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);
}
