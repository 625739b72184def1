package keras4j.losses;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A batch loss with the seeds of its derivative: the gradient of {@code value} with respect to anything upstream
 * is the sum over {@code ys} of the backpropagation of {@code dys}. Lets a loss hand the engine a closed-form
 * derivative (the cross-entropy's {@code (sigmoid(x) - z) / n}) instead of TensorFlow's chain rule through it.
 */
public record Objective(Operand<TFloat32> value, List<Operand<TFloat32>> ys, List<Operand<TFloat32>> dys) {
  /** Requires one seed per tensor. */
  public Objective {
    if (ys.size() != dys.size()) {
      throw new IllegalArgumentException("Expected one seed per tensor, received " + ys.size() + " tensors and "
          + dys.size() + " seeds");
    }
  }

  /** An objective differentiated through its own value. */
  public static Objective of(Ops tf, Operand<TFloat32> value) {
    return new Objective(value, List.of(value), List.of(tf.onesLike(value)));
  }
}
