package keras4j.constraints;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The shared part of Keras's norm constraints: L2 norms over one or several axes, kept for broadcasting. */
abstract class NormConstraint implements Constraint {
  static final float EPSILON = 1e-7f;
  protected final int[] axis;

  NormConstraint(int[] axis) {
    if (axis == null || axis.length == 0) {
      throw new IllegalArgumentException("A norm constraint needs at least one axis");
    }
    this.axis = axis.clone();
  }

  Operand<TFloat32> norms(Ops tf, Operand<TFloat32> w) {
    Operand<TInt32> ax = axis.length == 1 ? tf.constant(axis[0]) : tf.constant(axis);
    return tf.math.sqrt(tf.sum(tf.math.square(w), ax, Sum.keepDims(true)));
  }

  /** {@code w * desired / (epsilon + norms)}. */
  Operand<TFloat32> rescale(Ops tf, Operand<TFloat32> w, Operand<TFloat32> desired, Operand<TFloat32> norms) {
    return tf.math.mul(w, tf.math.div(desired, tf.math.add(tf.constant(EPSILON), norms)));
  }

  Object axisConfig() {
    if (axis.length == 1) {
      return axis[0];
    }
    Integer[] a = new Integer[axis.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = axis[i];
    }
    return List.of(a);
  }
}
