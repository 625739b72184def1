package keras4j.constraints;

import java.util.List;

/**
 * The shared part of Keras's norm constraints (the axes of the L2 norms). The projections are tensorflow-framework's
 * constraints, which compute Keras 3.15.1's values in float32.
 */
abstract class NormConstraint implements Constraint {
  protected final int[] axis;

  NormConstraint(int[] axis) {
    if (axis == null || axis.length == 0) {
      throw new IllegalArgumentException("A norm constraint needs at least one axis");
    }
    this.axis = axis.clone();
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
