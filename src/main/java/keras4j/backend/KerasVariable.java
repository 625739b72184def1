package keras4j.backend;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A float32 TensorFlow variable owned by a {@link Context}: Keras's {@code KerasVariable} / {@code tf.Variable}. */
public final class KerasVariable {
  private final Context context;
  private final String name;
  private final long[] shape;
  private boolean trainable;
  private final Variable<TFloat32> variable;
  private final Operand<TFloat32> value;
  private final Placeholder<TFloat32> assignFeed;
  private final Assign<TFloat32> assignOp;

  KerasVariable(Context context, String name, long[] shape, boolean trainable) {
    this.context = context;
    this.name = name;
    this.shape = shape == null ? null : shape.clone();
    this.trainable = trainable;
    Ops tf = context.ops();
    this.variable = context.rawVariable(name, shape);
    this.value = context.named(name + "/read").identity(variable);
    this.assignFeed = context.placeholder(shape);
    this.assignOp = shape == null
        ? tf.assign(variable, assignFeed, Assign.validateShape(false))
        : tf.assign(variable, assignFeed);
  }

  /** The variable's path, e.g. {@code dense/kernel}. */
  public String name() {
    return name;
  }

  /** Keras's {@code variable.shape}. */
  public long[] shape() {
    return shape == null ? null : shape.clone();
  }

  /** Keras's {@code variable.trainable}. */
  public boolean trainable() {
    return trainable;
  }

  /** Sets Keras's {@code variable.trainable}. */
  public void trainable(boolean t) {
    this.trainable = t;
  }

  /** The backend context whose graph holds this variable. */
  public Context context() {
    return context;
  }

  /** The value to compute with (a read of the variable). */
  public Operand<TFloat32> value() {
    checkOpen();
    return value;
  }

  private void checkOpen() {
    if (context.isClosed()) {
      throw new IllegalStateException("Variable " + name + " belongs to a cleared backend session "
          + "(Backend.clearSession()); rebuild the layers and models in the new session");
    }
  }

  /** The variable itself, for training kernels that update it in place. */
  public Variable<TFloat32> ref() {
    checkOpen();
    return variable;
  }

  Placeholder<TFloat32> assignFeed() {
    return assignFeed;
  }

  Assign<TFloat32> assignOp() {
    return assignOp;
  }

  /** Number of scalars. */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** Current value, copied to the host. */
  public FloatNdArray numpy() {
    return context.read(List.of(this)).get(0);
  }

  /** Sets the value; the shape must match (a data variable takes any shape). */
  public void assign(FloatNdArray v) {
    if (shape != null && !Arrays.equals(shape, v.shape().asArray())) {
      throw new IllegalArgumentException("Variable " + name + " expects shape " + Shapes.format(shape)
          + ", received " + Shapes.format(v.shape().asArray()));
    }
    context.assign(List.of(this), List.of(v));
  }

  @Override
  public String toString() {
    return "<KerasVariable " + name + " shape=" + (shape == null ? "?" : Shapes.format(shape)) + ">";
  }
}
